/** The bundled Santander product catalogue. Private to the bundle. */
package org.finrec.data.internal.catalog;

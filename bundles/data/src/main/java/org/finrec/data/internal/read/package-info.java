/**
 * One reader per {@link org.finrec.data.DatasetFormat}, on a shared base: a
 * {@link org.finrec.data.internal.read.RowSource} streams the rows of a file (CSV through Apache Commons CSV, plain
 * text split on a delimiter or white space) with line numbers and progress, and an
 * {@link org.finrec.data.internal.read.ImportSession} throws or counts bad rows. Private to the bundle.
 */
package org.finrec.data.internal.read;

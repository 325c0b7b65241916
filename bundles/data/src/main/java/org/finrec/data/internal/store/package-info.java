/**
 * The in-memory store behind every dataset the bundle produces: {@link org.finrec.data.internal.store.DatasetBuilder}
 * fills primitive columns by dense index and builds an immutable
 * {@link org.finrec.data.internal.store.ColumnarDataset}; open-addressing maps give ids their indices without boxing.
 * Private to the bundle.
 */
package org.finrec.data.internal.store;

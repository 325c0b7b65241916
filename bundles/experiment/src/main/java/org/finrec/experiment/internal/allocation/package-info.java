/**
 * Sticky allocation of customers to variants: {@link org.finrec.experiment.internal.allocation.Buckets} hashes a
 * customer to one of 10,000 buckets, and a {@link org.finrec.experiment.internal.allocation.BucketTable} gives each
 * bucket a variant by weighted rendezvous hashing, so that changing weights moves as few customers as possible.
 * Private to the bundle.
 */
package org.finrec.experiment.internal.allocation;

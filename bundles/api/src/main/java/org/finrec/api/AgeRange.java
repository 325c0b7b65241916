package org.finrec.api;

/**
 * An inclusive range of ages, in whole years, for which a product may be offered.
 *
 * @param minAge youngest eligible age in years, inclusive, 0 or more
 * @param maxAge oldest eligible age in years, inclusive, at least {@code minAge}
 */
public record AgeRange(int minAge, int maxAge) {

    /** The oldest age Finrec accepts for a customer, in years. */
    public static final int MAX_AGE = 130;

    /** A range that every customer satisfies. */
    public static final AgeRange ANY = new AgeRange(0, MAX_AGE);

    /**
     * Validates the bounds.
     *
     * @param minAge the minAge component
     * @param maxAge the maxAge component
     * @throws IllegalArgumentException if a bound is outside 0..{@value #MAX_AGE} or {@code minAge > maxAge}
     */
    public AgeRange {
        if (minAge < 0 || maxAge > MAX_AGE || minAge > maxAge) {
            throw new IllegalArgumentException(
                    "age range must satisfy 0 <= minAge <= maxAge <= " + MAX_AGE + ", got " + minAge + ".." + maxAge);
        }
    }

    /**
     * Tells whether an age lies within this range.
     *
     * @param age an age in years
     * @return {@code true} if {@code minAge <= age <= maxAge}
     */
    public boolean contains(int age) {
        return age >= minAge && age <= maxAge;
    }

    /**
     * Tells whether this range excludes nobody.
     *
     * @return {@code true} if every age from 0 to {@value #MAX_AGE} is eligible
     */
    public boolean isUnrestricted() {
        return minAge == 0 && maxAge == MAX_AGE;
    }

    @Override
    public String toString() {
        return minAge + "-" + maxAge;
    }
}

package org.finrec.api;

/** The kind of financial product, as a bank's product catalogue groups them. */
public enum ProductCategory {
    /** Current, payroll and savings accounts. */
    ACCOUNT,
    /** Credit and debit cards. */
    CARD,
    /** Consumer and personal loans. */
    LOAN,
    /** Mortgages secured on property. */
    MORTGAGE,
    /** Term deposits and fixed-rate savings. */
    DEPOSIT,
    /** Investment funds. */
    FUND,
    /** Directly held securities such as shares and bonds. */
    SECURITIES,
    /** Insurance policies. */
    INSURANCE,
    /** Pension plans. */
    PENSION,
    /** Payment services such as direct debits, e-banking and tax payments. */
    PAYMENT_SERVICE,
    /** Anything the categories above do not describe. */
    OTHER
}

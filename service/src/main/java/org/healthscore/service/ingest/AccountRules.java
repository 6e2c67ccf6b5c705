package org.healthscore.service.ingest;

/** Rules an account keeps however it arrives (PUT, bulk, spreadsheet). */
public final class AccountRules {

    public static final int MAX_ATTRIBUTE_NAME = 100;
    public static final int MAX_ATTRIBUTE_VALUE = 1000;
    public static final String ATTRIBUTE_RULE = "names must be 1-100 characters, values text of at most 1000 characters";

    private AccountRules() {
    }
}

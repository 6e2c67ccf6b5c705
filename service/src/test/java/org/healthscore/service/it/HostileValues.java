package org.healthscore.service.it;

import java.util.List;

/**
 * The hostile values the generated requests are built from. Each list is chosen so that every
 * value breaks the rule of the slot it is put in (a key pattern, an enum, a date, a range, an id
 * that exists nowhere), so a request carrying one must be refused. Strings with escapes are raw
 * JSON text ({@link HostileJson.Raw}) so lone surrogates reach the server as written.
 */
final class HostileValues {

    private HostileValues() {
    }

    static final String MEGABYTE = "x".repeat(1024 * 1024 + 16);

    /** Unicode edge cases, none of them a valid key or an existing id, as raw JSON string literals. */
    static final List<String> UNICODE_JSON = List.of(
            "\"\\ud800\"",                       // lone high surrogate
            "\"\\udfff\"",                       // lone low surrogate
            "\"a\\udc00b\"",                     // low surrogate between letters
            "\"\\u0000\"",                       // NUL
            "\"nul\\u0000inside\"",
            "\"\\u202eevil\\u202c\"",            // right-to-left override
            "\"\\u05e9\\u05dc\\u05d5\\u05dd\"",   // Hebrew (RTL)
            "\"e\\u0301\\u0301\\u0301\\u0301\"",  // combining marks
            "\"\\ud83d\\ude00\"",                 // 4-byte emoji as a surrogate pair
            "\"\uD83D\uDCA9\uD83E\uDDE8\"",      // 4-byte emoji as UTF-8
            "\"\\ufeffbom\"",                    // BOM inside
            "\"\\uffff\\ufffe\"",                // non-characters
            "\"\\t\\r\\n\"",                     // control whitespace only
            "\"   \"",                           // blank
            "\"\"",                              // empty
            "\"' OR '1'='1\"",                  // SQL meta characters
            "\"<script>alert(1)</script>\"",
            "\"../../etc/passwd\"",
            "\"%00%2F%ZZ\"",
            "\"\\u0130\\u0131\"");               // dotted / dotless i

    /** Path segments, already percent-encoded, naming nothing that exists. */
    static final List<String> ODD_PATH_IDS = List.of(
            "%ED%A0%80",          // a lone surrogate as (invalid) UTF-8
            "%FF%FE",             // not UTF-8 at all
            "%C0%AF",             // overlong '/'
            "%00",                // NUL
            "nul%00x",
            "%2F",                // encoded slash
            "%2e%2e",             // encoded dot-dot
            "%E2%80%AEevil",      // right-to-left override
            "e%CC%81%CC%81",      // combining marks
            "%F0%9F%98%80",       // 4-byte emoji
            "%20lead",            // leading space
            "trail%20",
            "'%20OR%20'1'%3D'1",
            "%3Cscript%3E",
            "a%25b",
            "x".repeat(201),       // longer than any id
            "-1",
            "99999999999999999999",
            "00000000-0000-0000-0000-000000000000",
            "NaN");

    /** Never a valid date or timestamp. */
    static final List<String> BAD_DATES = List.of("2026-02-30", "2026-13-01", "2026-00-10", "2026-1-1", "26-01-01",
            "0000-00-00", "+999999999-12-31", "-0001-01-01", "2026-01-01T25:00:00Z", "2026-01-01T10:00:00+25:00",
            "yesterday", "1767225600", "\uff12\uff10\uff12\uff16-01-01", "2026-01-01\u0000", "2026/01/01", " ", "");

    /** Never a valid page size (1 to 1000). */
    static final List<String> BAD_LIMITS = List.of("0", "-1", "1001", "2147483648", "-2147483649",
            "99999999999999999999", "1.5", "1e3", "NaN", "Infinity", "-Infinity", "0x10", "abc", "%ED%A0%80",
            "%00", "1%00", "%20", "");

    /** Never a cursor any list gave out. */
    static final List<String> BAD_CURSORS = List.of("x", "AAAA", "eyJrIjoiYSJ9", "eyJrIjpbXX0", "%7B%7D",
            "null", "-1", "%ED%A0%80", "%00", "%F0%9F%98%80", "=" , "a".repeat(5000), "Zm9vOmJhcg");

    /** Never a valid integer of at least 1. */
    static final List<String> BAD_POSITIVE_INTS = List.of("0", "-1", "2147483648", "99999999999999999999", "1.5",
            "NaN", "Infinity", "abc", "%00", "");

    /** Never an entity tag the service gave out. */
    static final List<String> BAD_ETAGS = List.of("abc", "\"abc\"", "W/", "\"\"", "\"-1\"",
            "\"99999999999999999999\"", "\"1.5\"", "\"NaN\"", "\"1\" junk", "1, 2", "\"999999\"");

    /** JSON numbers or tokens that no integer field accepts. */
    static final List<String> BAD_INT_JSON = List.of("1.5", "2147483648", "-2147483649", "9223372036854775808",
            "1e400", "NaN", "Infinity", "-Infinity", "\"1\"", "true", "[1]", "{}");

    /** JSON tokens that no finite-number field accepts. */
    static final List<String> BAD_NUMBER_JSON = List.of("NaN", "-NaN", "Infinity", "-Infinity", "+1", "01",
            "1e309", "-1e309", "\"NaN\"", "\"12\"", "true", "[1]", "{}", "0x10", ".5", "1.");
}

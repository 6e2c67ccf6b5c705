package org.healthscore.service.evaluations;

/** One CSV field (RFC 4180): quoted when it holds a comma, a quote or a line break. */
final class Csv {

    private Csv() {
    }

    static String field(String value) {
        if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
            return value;
        }
        return '"' + value.replace("\"", "\"\"") + '"';
    }
}

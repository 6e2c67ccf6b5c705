package org.healthscore.service.ingest;

import jakarta.ws.rs.core.MediaType;
import org.healthscore.service.problem.ApiException;
import org.healthscore.service.problem.ProblemKind;

/** The shapes a bulk body may take, by its Content-Type. */
public enum BulkFormat {
    /** {@code application/json}: one array of row objects. */
    JSON,
    /** {@code application/x-ndjson}: one row object per line. */
    NDJSON,
    /** {@code text/csv}: a header line naming the columns, then one row per line. */
    CSV;

    public static final String NDJSON_TYPE = "application/x-ndjson";
    public static final String CSV_TYPE = "text/csv";

    public static BulkFormat of(MediaType type) {
        if (type != null) {
            String subtype = type.getType() + "/" + type.getSubtype();
            switch (subtype) {
                case MediaType.APPLICATION_JSON:
                    return JSON;
                case NDJSON_TYPE, "application/jsonl", "application/ndjson":
                    return NDJSON;
                case CSV_TYPE:
                    return CSV;
                default:
                    break;
            }
        }
        throw new ApiException(ProblemKind.UNSUPPORTED_MEDIA_TYPE, "Send the rows as application/json (an array),"
                + " application/x-ndjson or text/csv");
    }
}

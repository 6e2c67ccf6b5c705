package org.healthscore.service.ingest;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One row of a bulk body and where it came from: the CSV or NDJSON line, or the 1-based position
 * in a JSON array. CSV cells arrive as text; the field readers accept text or JSON values alike.
 */
public record BulkRow(long line, ObjectNode fields) {
}

package org.healthscore.service.rest;

import jakarta.ws.rs.core.EntityTag;
import org.healthscore.service.problem.ApiException;

/** ETags of versioned resources are their revision number; If-Match sends one back. */
final class Revisions {

    private Revisions() {
    }

    static EntityTag etag(int revision) {
        return new EntityTag(Integer.toString(revision));
    }

    /** The revision named by an If-Match header ({@code "3"}), or null when the header is absent. */
    static Integer ifMatch(String header) {
        if (header == null) {
            return null;
        }
        String text = header.strip();
        if (text.startsWith("W/")) {
            text = text.substring(2);
        }
        if (text.length() >= 2 && text.startsWith("\"") && text.endsWith("\"")) {
            text = text.substring(1, text.length() - 1);
        }
        try {
            int revision = Integer.parseInt(text);
            if (revision >= 1) {
                return revision;
            }
        } catch (NumberFormatException ignored) {
            // falls through to the refusal
        }
        throw ApiException.badRequest("If-Match", "must be the ETag you read, such as \"3\"");
    }
}

package org.healthscore.service.reports;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A small writer of well-formed XHTML (and the SVG inside it): every element closed, attributes quoted, text
 * escaped, so the page parses as XML and as HTML alike. Elements with content are always written with an end
 * tag ({@code <div></div>}): an HTML parser reads {@code <div/>} as an open tag. Only HTML's void elements and
 * SVG's shapes are written self-closed, which both parsers read the same way.
 */
final class Markup {

    private final StringBuilder out = new StringBuilder(64 * 1024);
    private final Deque<String> open = new ArrayDeque<>();

    /** Opens {@code tag} with attributes given as name, value pairs; a null value leaves its attribute out. */
    Markup open(String tag, String... attributes) {
        start(tag, attributes);
        out.append('>');
        open.push(tag);
        return this;
    }

    /** Closes the element opened last. */
    Markup close() {
        out.append("</").append(open.pop()).append('>');
        return this;
    }

    /** An element holding only text. */
    Markup element(String tag, String text, String... attributes) {
        return open(tag, attributes).text(text).close();
    }

    /** An element with no content: an HTML void element ({@code meta}, {@code br}) or an SVG shape. */
    Markup empty(String tag, String... attributes) {
        start(tag, attributes);
        out.append("/>");
        return this;
    }

    Markup text(String text) {
        escape(text, false);
        return this;
    }

    /** Markup that is already well-formed: only constants of this package (the doctype), never data. */
    Markup trusted(String markup) {
        out.append(markup);
        return this;
    }

    @Override
    public String toString() {
        if (!open.isEmpty()) {
            throw new IllegalStateException("unclosed elements: " + open);
        }
        return out.toString();
    }

    private void start(String tag, String... attributes) {
        if (attributes.length % 2 != 0) {
            throw new IllegalArgumentException("attributes come in name, value pairs");
        }
        out.append('<').append(tag);
        for (int i = 0; i < attributes.length; i += 2) {
            if (attributes[i + 1] != null) {
                out.append(' ').append(attributes[i]).append("=\"");
                escape(attributes[i + 1], true);
                out.append('"');
            }
        }
    }

    /**
     * Escapes the five XML specials and replaces what XML 1.0 cannot hold at all (control characters, lone
     * surrogates) with U+FFFD: an account id is the caller's data and may hold anything.
     */
    private void escape(String text, boolean attribute) {
        if (text == null) {
            return;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append(attribute ? "&quot;" : "\"");
                case '\'' -> out.append(attribute ? "&#39;" : "'");
                default -> {
                    if (Character.isHighSurrogate(c) && i + 1 < text.length()
                            && Character.isLowSurrogate(text.charAt(i + 1))) {
                        out.append(c).append(text.charAt(++i));
                    } else if (allowed(c)) {
                        out.append(c);
                    } else {
                        out.append('\uFFFD');
                    }
                }
            }
        }
    }

    private static boolean allowed(char c) {
        if (c == '\t' || c == '\n' || c == '\r') {
            return true;
        }
        return c >= 0x20 && !Character.isSurrogate(c) && c != 0xFFFE && c != 0xFFFF;
    }
}

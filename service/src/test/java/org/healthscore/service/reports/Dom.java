package org.healthscore.service.reports;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * A report page parsed by the JDK's XML parser (so it must be well-formed), with nothing loaded from anywhere:
 * no DTD, no external entity. Small finders over the tree, so tests read the page, not grep it.
 */
public final class Dom {

    public static final String XHTML = "http://www.w3.org/1999/xhtml";
    public static final String SVG = "http://www.w3.org/2000/svg";

    private Dom() {
    }

    public static Document parse(String page) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(null);
            return builder.parse(new ByteArrayInputStream(page.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new AssertionError("the page is not well-formed XML: " + e.getMessage(), e);
        }
    }

    /** Every element under {@code root} (itself included) in namespace {@code ns} named {@code name}. */
    public static List<Element> all(Node root, String ns, String name) {
        List<Element> out = new ArrayList<>();
        collect(root, e -> ns.equals(e.getNamespaceURI()) && name.equals(e.getLocalName()), out);
        return out;
    }

    /** Every element under {@code root} (itself included), in document order. */
    public static List<Element> all(Node root) {
        List<Element> out = new ArrayList<>();
        collect(root, e -> true, out);
        return out;
    }

    public static List<Element> html(Node root, String name) {
        return all(root, XHTML, name);
    }

    public static List<Element> svg(Node root, String name) {
        return all(root, SVG, name);
    }

    /** The one element with {@code attribute="value"}; fails unless there is exactly one. */
    public static Element one(Node root, String attribute, String value) {
        List<Element> found = new ArrayList<>();
        collect(root, e -> value.equals(e.getAttribute(attribute)), found);
        if (found.size() != 1) {
            throw new AssertionError(found.size() + " elements with " + attribute + "=\"" + value + "\"");
        }
        return found.get(0);
    }

    /** The elements with {@code attribute="value"}. */
    public static List<Element> with(Node root, String attribute, String value) {
        List<Element> found = new ArrayList<>();
        collect(root, e -> value.equals(e.getAttribute(attribute)), found);
        return found;
    }

    /** The text of an element, white space collapsed. */
    public static String text(Node node) {
        return node.getTextContent().replaceAll("\\s+", " ").trim();
    }

    private static void collect(Node node, Predicate<Element> test, List<Element> out) {
        if (node instanceof Document d) {
            node = d.getDocumentElement();
        }
        if (node instanceof Element e && test.test(e)) {
            out.add(e);
        }
        for (Node child = node.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element) {
                collect(child, test, out);
            }
        }
    }
}

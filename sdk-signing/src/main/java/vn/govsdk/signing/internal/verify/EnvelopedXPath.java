package vn.govsdk.signing.internal.verify;

import java.util.ArrayList;
import java.util.List;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import vn.govsdk.signing.internal.xml.XmlSec;

/**
 * The XPath transforms accepted, recognised exactly (an allow-list of expressions, never an XPath engine
 * opened to whatever the document asks for): each only removes signature elements, as the
 * enveloped-signature transform does.
 * <ul>
 * <li>XPath Filter 2.0 ({@code xmldsig-filter2}) whose every {@code XPath} is {@code Filter="subtract"}
 * of {@code /descendant::P:Signature} or {@code //P:Signature}: what EU DSS writes for enveloped XAdES;</li>
 * <li>XPath 1.0 ({@code REC-xpath-19991116}) of {@code not(ancestor-or-self::P:Signature)}: what older
 * signers write for enveloped signatures;</li>
 * </ul>
 * where {@code P} is a prefix bound to the XML Signature namespace on the {@code XPath} element.
 * Whitespace around the tokens is ignored; anything else is refused, and so is every XSLT.
 */
final class EnvelopedXPath {

    /** The XPath 1.0 transform. */
    static final String XPATH = "http://www.w3.org/TR/1999/REC-xpath-19991116";
    /** The XPath Filter 2.0 transform. */
    static final String FILTER2 = "http://www.w3.org/2002/06/xmldsig-filter2";
    /** What the allow-list accepts, for messages. */
    static final String DESCRIPTION = "XPath Filter 2.0 subtracting /descendant::ds:Signature, XPath "
            + "not(ancestor-or-self::ds:Signature)";

    private EnvelopedXPath() {
    }

    /**
     * Tells whether a transform is one of the allowed XPath forms.
     *
     * @param transform the {@code ds:Transform} element
     * @return {@code true} if it is recognised exactly
     */
    static boolean isAllowed(Element transform) {
        String alg = transform.getAttribute("Algorithm");
        List<Element> children = elementChildren(transform);
        if (XPATH.equals(alg)) {
            if (children.size() != 1 || !isElement(children.get(0), XmlSec.DS, "XPath")) {
                return false;
            }
            Element x = children.get(0);
            return matchesSignature(x, compact(x.getTextContent()), "not(ancestor-or-self::", ")");
        }
        if (FILTER2.equals(alg)) {
            if (children.isEmpty()) {
                return false;
            }
            for (Element x : children) {
                if (!isElement(x, FILTER2, "XPath") || !"subtract".equals(x.getAttribute("Filter"))) {
                    return false;
                }
                String text = compact(x.getTextContent());
                if (!matchesSignature(x, text, "/descendant::", "") && !matchesSignature(x, text, "//", "")) {
                    return false;
                }
            }
            return true;
        }
        return false;
    }

    /** Whether {@code text} is {@code before + P:Signature + after} with P bound to the XML Signature namespace. */
    private static boolean matchesSignature(Element x, String text, String before, String after) {
        if (!text.startsWith(before) || !text.endsWith(after) || text.length() <= before.length() + after.length()) {
            return false;
        }
        String qname = text.substring(before.length(), text.length() - after.length());
        int colon = qname.indexOf(':');
        if (colon <= 0 || !qname.substring(colon + 1).equals("Signature")) {
            return false;
        }
        String prefix = qname.substring(0, colon);
        if (!prefix.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '-' || c == '_' || c == '.')) {
            return false;
        }
        return XmlSec.DS.equals(x.lookupNamespaceURI(prefix));
    }

    /** The text without any whitespace (none is significant in the accepted expressions). */
    private static String compact(String text) {
        return text.replaceAll("\\s+", "");
    }

    private static boolean isElement(Element e, String ns, String local) {
        return ns.equals(e.getNamespaceURI()) && local.equals(e.getLocalName());
    }

    private static List<Element> elementChildren(Element parent) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n.getNodeType() == Node.ELEMENT_NODE) {
                out.add((Element) n);
            } else if (n.getNodeType() != Node.TEXT_NODE && n.getNodeType() != Node.COMMENT_NODE) {
                return List.of();
            }
        }
        return out;
    }
}

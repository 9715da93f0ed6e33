package vn.govsdk.dataexchange.gateway;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import vn.govsdk.core.internal.xml.SecureXml;

/**
 * An XML (for example SOAP) answer, parsed by govsdk's hardened parser (no DTDs, no external
 * entities). Immutable: {@link #toDocument()} gives a copy.
 */
public final class XmlDocument {

    private final Document document;

    XmlDocument(Document document) {
        this.document = document;
    }

    /**
     * Returns the local name of the root element, for example {@code Envelope}.
     *
     * @return the root element's local name
     */
    public String rootName() {
        Element root = document.getDocumentElement();
        return root.getLocalName() != null ? root.getLocalName() : root.getTagName();
    }

    /**
     * Returns the text of the first element with this local name, in any namespace.
     *
     * @param localName the element's local name
     * @return the trimmed text, or empty if there is no such element
     */
    public Optional<String> firstText(String localName) {
        List<String> all = texts(localName);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(0));
    }

    /**
     * Returns the texts of every element with this local name, in any namespace, in document order.
     *
     * @param localName the element's local name
     * @return the trimmed texts
     */
    public List<String> texts(String localName) {
        NodeList list = document.getElementsByTagNameNS("*", localName);
        if (list.getLength() == 0) {
            list = document.getElementsByTagName(localName);
        }
        List<String> out = new ArrayList<>(list.getLength());
        for (int i = 0; i < list.getLength(); i++) {
            out.add(((Element) list.item(i)).getTextContent().strip());
        }
        return List.copyOf(out);
    }

    /**
     * Returns a copy of the parsed document, for XPath or other DOM processing.
     *
     * @return a deep copy
     */
    public Document toDocument() {
        return (Document) document.cloneNode(true);
    }

    /**
     * Serialises the document.
     *
     * @return the XML text
     */
    public String toXml() {
        return SecureXml.toString(document);
    }

    /** Shows the root element only: the content may hold personal data. */
    @Override
    public String toString() {
        return "XmlDocument[" + rootName() + "]";
    }
}

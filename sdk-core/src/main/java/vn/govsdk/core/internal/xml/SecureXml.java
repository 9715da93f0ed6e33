package vn.govsdk.core.internal.xml;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParserFactory;
import javax.xml.stream.XMLInputFactory;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Node;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import vn.govsdk.core.ResponseDecodingException;
import vn.govsdk.core.privacy.PersonalDataMasker;

/**
 * The one hardened XML factory of govsdk; every XML parser and transformer in the SDK comes from
 * here. DOCTYPE declarations are refused outright (which stops external entities, entity-expansion
 * bombs and external DTDs), external entities and DTD loading are also switched off on their own,
 * XInclude is never processed, entity references are not expanded, secure processing is on, and
 * no external DTD, schema or stylesheet may be fetched. The JDK's built-in implementations are
 * used whatever is on the class path, so the settings are known to take effect.
 */
public final class SecureXml {

    private static final String DISALLOW_DOCTYPE = "http://apache.org/xml/features/disallow-doctype-decl";
    private static final String EXTERNAL_GENERAL_ENTITIES = "http://xml.org/sax/features/external-general-entities";
    private static final String EXTERNAL_PARAMETER_ENTITIES =
            "http://xml.org/sax/features/external-parameter-entities";
    private static final String LOAD_EXTERNAL_DTD = "http://apache.org/xml/features/nonvalidating/load-external-dtd";

    private static final ErrorHandler STRICT = new ErrorHandler() {
        @Override
        public void warning(SAXParseException e) {
            // Warnings carry no risk; the parser continues and nothing is printed.
        }

        @Override
        public void error(SAXParseException e) throws SAXException {
            throw e;
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXException {
            throw e;
        }
    };

    /**
     * One configured factory: creating a factory costs several times a small parse (service lookup
     * and configuration), so it is made once; the hardening features are never changed after.
     */
    private static final DocumentBuilderFactory FACTORY = documentBuilderFactory();

    /** One builder per thread, reset after each parse: builders are not thread-safe. */
    private static final ThreadLocal<DocumentBuilder> BUILDERS = ThreadLocal.withInitial(SecureXml::newDocumentBuilder);

    private SecureXml() {
    }

    /**
     * Returns a new hardened, namespace-aware DOM factory.
     *
     * @return the factory
     */
    public static DocumentBuilderFactory documentBuilderFactory() {
        DocumentBuilderFactory f = DocumentBuilderFactory.newDefaultInstance();
        f.setNamespaceAware(true);
        f.setXIncludeAware(false);
        f.setExpandEntityReferences(false);
        f.setValidating(false);
        try {
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature(DISALLOW_DOCTYPE, true);
            f.setFeature(EXTERNAL_GENERAL_ENTITIES, false);
            f.setFeature(EXTERNAL_PARAMETER_ENTITIES, false);
            f.setFeature(LOAD_EXTERNAL_DTD, false);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK XML parser refused a hardening feature", e);
        }
        f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        return f;
    }

    /**
     * Returns a new hardened document builder that throws on any parse error and prints nothing.
     *
     * @return the builder; not thread-safe, use one per thread or per call
     */
    public static DocumentBuilder newDocumentBuilder() {
        try {
            return strict(FACTORY.newDocumentBuilder());
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("cannot create a hardened XML parser", e);
        }
    }

    private static DocumentBuilder strict(DocumentBuilder builder) {
        builder.setErrorHandler(STRICT);
        builder.setEntityResolver((publicId, systemId) -> {
            throw new SAXException("external entities are not allowed");
        });
        return builder;
    }

    /**
     * Parses a document with the hardened parser.
     *
     * @param xml the document bytes; the encoding is taken from the XML declaration
     * @return the document
     * @throws ResponseDecodingException if the document is not well-formed or contains a DTD
     */
    public static Document parse(byte[] xml) {
        return parse(new ByteArrayInputStream(xml));
    }

    /**
     * Parses a document with the hardened parser.
     *
     * @param xml the document text
     * @return the document
     * @throws ResponseDecodingException if the document is not well-formed or contains a DTD
     */
    public static Document parse(String xml) {
        return parse(xml.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Parses a document with the hardened parser.
     *
     * @param xml the document stream; not closed
     * @return the document
     * @throws ResponseDecodingException if the document is not well-formed or contains a DTD
     */
    public static Document parse(InputStream xml) {
        DocumentBuilder builder = BUILDERS.get();
        try {
            return builder.parse(xml);
        } catch (SAXException | IOException e) {
            throw new ResponseDecodingException(
                    "XML refused: " + PersonalDataMasker.standard().maskText(e.getMessage()), e);
        } finally {
            // reset() returns the builder to its state when created, which drops the handlers.
            builder.reset();
            strict(builder);
        }
    }

    /**
     * Returns a new hardened SAX parser factory.
     *
     * @return the factory
     */
    public static SAXParserFactory saxParserFactory() {
        SAXParserFactory f = SAXParserFactory.newDefaultInstance();
        f.setNamespaceAware(true);
        f.setXIncludeAware(false);
        f.setValidating(false);
        try {
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature(DISALLOW_DOCTYPE, true);
            f.setFeature(EXTERNAL_GENERAL_ENTITIES, false);
            f.setFeature(EXTERNAL_PARAMETER_ENTITIES, false);
            f.setFeature(LOAD_EXTERNAL_DTD, false);
        } catch (ParserConfigurationException | SAXException e) {
            throw new IllegalStateException("the JDK SAX parser refused a hardening feature", e);
        }
        return f;
    }

    /**
     * Returns a new hardened StAX input factory: no DTD support, no external entities.
     *
     * @return the factory
     */
    public static XMLInputFactory xmlInputFactory() {
        XMLInputFactory f = XMLInputFactory.newDefaultFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        f.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        return f;
    }

    /**
     * Returns a new hardened transformer factory: no external DTD or stylesheet, secure processing on.
     *
     * @return the factory
     */
    public static TransformerFactory transformerFactory() {
        TransformerFactory f = TransformerFactory.newDefaultInstance();
        try {
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        } catch (javax.xml.transform.TransformerConfigurationException e) {
            throw new IllegalStateException("the JDK transformer refused secure processing", e);
        }
        f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        f.setAttribute(XMLConstants.ACCESS_EXTERNAL_STYLESHEET, "");
        f.setErrorListener(new javax.xml.transform.ErrorListener() {
            @Override
            public void warning(TransformerException e) {
                // Nothing is printed; warnings carry no risk.
            }

            @Override
            public void error(TransformerException e) throws TransformerException {
                throw e;
            }

            @Override
            public void fatalError(TransformerException e) throws TransformerException {
                throw e;
            }
        });
        return f;
    }

    /**
     * Serialises a node as UTF-8 text without an XML declaration and without re-indenting.
     *
     * @param node the node
     * @return the XML text
     */
    public static String toString(Node node) {
        try {
            Transformer t = transformerFactory().newTransformer();
            t.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
            t.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            StringWriter out = new StringWriter();
            t.transform(new DOMSource(node), new StreamResult(out));
            return out.toString();
        } catch (TransformerException e) {
            throw new IllegalStateException("cannot serialise XML", e);
        }
    }
}

package vn.govsdk.signing.internal.xml;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.Provider;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.apache.xml.security.Init;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.w3c.dom.Document;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;
import vn.govsdk.core.internal.xml.SecureXml;

/** Santuario set-up and XML parsing and serialisation for signatures, all through sdk-core's {@link SecureXml}. */
public final class XmlSec {

    /** XML Signature namespace. */
    public static final String DS = "http://www.w3.org/2000/09/xmldsig#";
    /** XAdES 1.3.2 namespace (ETSI EN 319 132-1). */
    public static final String XADES = "http://uri.etsi.org/01903/v1.3.2#";
    /** XAdES 1.4.1 namespace. */
    public static final String XADES141 = "http://uri.etsi.org/01903/v1.4.1#";
    /** Reference type of the XAdES signed properties. */
    public static final String SIGNED_PROPERTIES_TYPE = "http://uri.etsi.org/01903#SignedProperties";
    /** The XMLNS namespace. */
    /** The SHA-1 digest URI (legacy). */
    public static final String SHA1 = "http://www.w3.org/2000/09/xmldsig#sha1";
    /** The rsa-sha1 signature method URI (legacy). */
    public static final String RSA_SHA1 = "http://www.w3.org/2000/09/xmldsig#rsa-sha1";
    /** The xmlns namespace. */
    public static final String XMLNS = "http://www.w3.org/2000/xmlns/";

    private static final Provider BC = new BouncyCastleProvider();

    /** Hardened builders from sdk-core's factory, one per thread (creating one costs more than parsing 1 KB). */
    private static final ThreadLocal<DocumentBuilder> BUILDER = ThreadLocal.withInitial(SecureXml::newDocumentBuilder);

    /** Serialisers from sdk-core's hardened transformer factory, one per thread. */
    private static final ThreadLocal<Transformer> SERIALIZER = ThreadLocal.withInitial(() -> {
        try {
            Transformer t = SecureXml.transformerFactory().newTransformer();
            t.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            t.setOutputProperty(OutputKeys.INDENT, "no");
            return t;
        } catch (javax.xml.transform.TransformerConfigurationException e) {
            throw new IllegalStateException("cannot create an XML serialiser", e);
        }
    });

    static {
        // Before Santuario logs anything: its System.Logger output goes to SLF4J, not standard error.
        SantuarioLogging.install();
        Init.init();
    }

    private XmlSec() {
    }

    /** Initialises Santuario (once per JVM; later calls do nothing). */
    public static void init() {
        // The static initialiser does the work.
    }

    /**
     * Returns the Bouncy Castle provider instance Santuario uses here (not registered globally).
     *
     * @return the provider
     */
    public static Provider provider() {
        return BC;
    }

    /**
     * Returns the provider Santuario should use for a signature method: the JDK's own for RSA PKCS#1
     * and ECDSA, Bouncy Castle for the RSA-PSS (MGF1) methods the JDK does not name.
     *
     * @param signatureMethodUri the XML-signature method
     * @return the provider, or {@code null} for the JDK's
     */
    public static Provider providerFor(String signatureMethodUri) {
        return signatureMethodUri != null && signatureMethodUri.contains("MGF1") ? BC : null;
    }

    /**
     * Parses XML with the hardened parser.
     *
     * @param bytes the XML
     * @return the document
     * @throws SAXException if it is not well-formed or holds a DOCTYPE
     * @throws IOException if reading fails
     */
    public static Document parse(byte[] bytes) throws SAXException, IOException {
        // Reused without reset(): reset() would drop the strict error handler and the entity
        // resolver SecureXml installs; each parse starts from a clean document anyway.
        return BUILDER.get().parse(new ByteArrayInputStream(bytes));
    }

    /**
     * Creates an empty document.
     *
     * @return the document
     */
    public static Document newDocument() {
        return BUILDER.get().newDocument();
    }

    /**
     * Writes a signature element by itself, as the SDK built it: elements, attributes (with the
     * namespace declarations the builder placed on them) and text, escaped, with no indentation. The
     * output parses back into the same infoset, so it can be inserted into a document's bytes as they are.
     *
     * @param signature the ds:Signature element
     * @return the UTF-8 bytes
     */
    public static byte[] serializeSignature(org.w3c.dom.Element signature) {
        StringBuilder out = new StringBuilder(8192);
        write(signature, out, java.util.Map.of());
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Writes a node; namespace declarations already in scope with the same value are left out. */
    private static void write(Node node, StringBuilder out, java.util.Map<String, String> inScope) {
        switch (node.getNodeType()) {
            case Node.ELEMENT_NODE -> {
                org.w3c.dom.Element e = (org.w3c.dom.Element) node;
                out.append('<').append(e.getTagName());
                org.w3c.dom.NamedNodeMap attrs = e.getAttributes();
                java.util.Map<String, String> scope = inScope;
                for (int i = 0; i < attrs.getLength(); i++) {
                    org.w3c.dom.Attr a = (org.w3c.dom.Attr) attrs.item(i);
                    String name = a.getName();
                    if (name.equals("xmlns") || name.startsWith("xmlns:")) {
                        if (a.getValue().equals(scope.get(name))) {
                            continue;
                        }
                        if (scope == inScope) {
                            scope = new java.util.HashMap<>(inScope);
                        }
                        scope.put(name, a.getValue());
                    }
                    out.append(' ').append(name).append("=\"");
                    escape(a.getValue(), out, true);
                    out.append('"');
                }
                out.append('>');
                for (Node c = e.getFirstChild(); c != null; c = c.getNextSibling()) {
                    write(c, out, scope);
                }
                out.append("</").append(e.getTagName()).append('>');
            }
            case Node.TEXT_NODE, Node.CDATA_SECTION_NODE -> escape(node.getNodeValue(), out, false);
            case Node.COMMENT_NODE -> out.append("<!--").append(node.getNodeValue()).append("-->");
            default -> throw new IllegalStateException("unexpected node in a signature: " + node.getNodeName());
        }
    }

    private static void escape(String s, StringBuilder out, boolean attribute) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '\r' -> out.append("&#13;");
                case '"' -> out.append(attribute ? "&quot;" : "\"");
                case '\t' -> out.append(attribute ? "&#9;" : "\t");
                case '\n' -> out.append(attribute ? "&#10;" : "\n");
                default -> out.append(c);
            }
        }
    }

    /**
     * Writes a whole document with canonical XML (with comments, every namespace kept) after an XML
     * declaration.
     *
     * @param document the document
     * @return the UTF-8 bytes
     */
    public static byte[] serializeDocument(Document document) {
        return canonical(document, org.apache.xml.security.c14n.Canonicalizer.ALGO_ID_C14N_WITH_COMMENTS, true);
    }

    private static byte[] canonical(Node node, String algorithm, boolean declaration) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream(4096);
            if (declaration) {
                out.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n".getBytes(StandardCharsets.US_ASCII));
            }
            org.apache.xml.security.c14n.Canonicalizer.getInstance(algorithm).canonicalizeSubtree(node, out);
            return out.toByteArray();
        } catch (org.apache.xml.security.exceptions.XMLSecurityException | IOException e) {
            throw new IllegalStateException("cannot serialise XML", e);
        }
    }

    /**
     * Serialises a node as UTF-8 without re-indenting.
     *
     * @param node the node
     * @param declaration whether to write an XML declaration
     * @return the bytes
     */
    public static byte[] serialize(Node node, boolean declaration) {
        try {
            Transformer t = SERIALIZER.get();
            t.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, declaration ? "no" : "yes");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            t.transform(new DOMSource(node), new StreamResult(out));
            byte[] b = out.toByteArray();
            if (declaration) {
                // The JDK writes standalone="no" and no line break after the declaration; keep a plain one.
                String s = new String(b, StandardCharsets.UTF_8);
                if (s.startsWith("<?xml")) {
                    int end = s.indexOf("?>") + 2;
                    s = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + s.substring(end);
                    b = s.getBytes(StandardCharsets.UTF_8);
                }
            }
            return b;
        } catch (TransformerException e) {
            throw new IllegalStateException("cannot serialise XML", e);
        }
    }
}

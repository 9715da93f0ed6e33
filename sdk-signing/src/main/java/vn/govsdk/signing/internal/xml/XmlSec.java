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
    public static final String XMLNS = "http://www.w3.org/2000/xmlns/";

    private static final Provider BC = new BouncyCastleProvider();

    static {
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
     * Parses XML with the hardened parser.
     *
     * @param bytes the XML
     * @return the document
     * @throws SAXException if it is not well-formed or holds a DOCTYPE
     * @throws IOException if reading fails
     */
    public static Document parse(byte[] bytes) throws SAXException, IOException {
        DocumentBuilder b = SecureXml.newDocumentBuilder();
        return b.parse(new ByteArrayInputStream(bytes));
    }

    /**
     * Creates an empty document.
     *
     * @return the document
     */
    public static Document newDocument() {
        return SecureXml.newDocumentBuilder().newDocument();
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
            Transformer t = SecureXml.transformerFactory().newTransformer();
            t.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, declaration ? "no" : "yes");
            t.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            t.setOutputProperty(OutputKeys.INDENT, "no");
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

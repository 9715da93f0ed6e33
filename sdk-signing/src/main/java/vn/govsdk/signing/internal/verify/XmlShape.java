package vn.govsdk.signing.internal.verify;

import java.io.ByteArrayInputStream;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import vn.govsdk.core.internal.xml.SecureXml;

/**
 * Measures an XML document's depth and element count with a streaming reader before it is parsed into
 * a tree: a document nested thousands of levels deep would otherwise overflow the stack of the
 * recursive code after the parser (canonicalisation, the verifier's own walks).
 */
final class XmlShape {

    private XmlShape() {
    }

    /**
     * Refuses an XML document deeper or with more elements than the limits allow. A document the
     * streaming reader cannot read is left to the parser, which reports why.
     *
     * @param xml the document
     * @param budget the verification's budget
     * @throws LimitExceededException beyond a limit
     */
    static void check(byte[] xml, Budget budget) {
        int maxDepth = budget.limits().maxXmlDepth();
        long maxElements = budget.limits().maxXmlElements();
        XMLStreamReader r = null;
        try {
            r = SecureXml.xmlInputFactory().createXMLStreamReader(new ByteArrayInputStream(xml));
            int depth = 0;
            long elements = 0;
            while (r.hasNext()) {
                int e = r.next();
                if (e == XMLStreamConstants.START_ELEMENT) {
                    if (++depth > maxDepth) {
                        throw new LimitExceededException("maxXmlDepth", String.valueOf(maxDepth),
                                "the XML nests elements deeper than allowed");
                    }
                    if (++elements > maxElements) {
                        throw new LimitExceededException("maxXmlElements", String.valueOf(maxElements),
                                "the XML has more elements than allowed");
                    }
                    if ((elements & 0xFFFF) == 0) {
                        budget.checkTime();
                    }
                } else if (e == XMLStreamConstants.END_ELEMENT) {
                    depth--;
                }
            }
        } catch (XMLStreamException | RuntimeException e) {
            if (e instanceof LimitExceededException l) {
                throw l;
            }
            // Not readable as a stream (a DTD, bad syntax): the hardened parser refuses it with its own reason.
        } finally {
            if (r != null) {
                try {
                    r.close();
                } catch (XMLStreamException e) {
                    // nothing held
                }
            }
        }
    }
}

package vn.govsdk.signing.verify;

import java.io.ByteArrayOutputStream;
import java.security.PrivateKey;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.apache.xml.security.signature.XMLSignature;
import org.w3c.dom.Element;

/**
 * What a signer does who edits an XML signature and signs it again with Santuario: every reference
 * digest and the signature value are recomputed over the edited document.
 */
final class Resign {

    private Resign() {
    }

    /** Signs {@code signature} again with {@code key} and returns its whole document serialised. */
    static byte[] resign(Element signature, PrivateKey key) throws Exception {
        org.apache.xml.security.Init.init();
        XMLSignature xs = new XMLSignature(signature, "");
        for (int i = 0; i < xs.getSignedInfo().getLength(); i++) {
            xs.getSignedInfo().item(i); // Santuario reads references lazily; sign() needs them read
        }
        xs.sign(key);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        TransformerFactory.newInstance().newTransformer().transform(new DOMSource(signature.getOwnerDocument()),
                new StreamResult(out));
        return out.toByteArray();
    }
}

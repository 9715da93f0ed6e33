package vn.govsdk.signing.verify;

import java.util.Objects;
import java.util.Optional;
import org.w3c.dom.Node;
import vn.govsdk.signing.Document;

/**
 * What a signature actually covers, handed back by the verifier so an application reads the signed
 * data from here and never an unsigned part of the file by mistake: for XML the referenced node itself
 * (the element of the parsed document that the digest was computed over; read it, not a node found by
 * name elsewhere), for CMS and JWS the signed bytes, for detached signatures the document given to
 * the verifier.
 */
public final class SignedContent {

    private final String reference;
    private final Document content;
    private final Node node;

    /**
     * Creates the description.
     *
     * @param reference how the signature refers to the content (a URI, {@code ""} for the whole XML
     *        document, {@code #id}, or a description such as {@code encapsulated content})
     * @param content the signed bytes (for XML, the referenced node serialised as it was parsed)
     * @param node the referenced DOM node for XML signatures, or {@code null}
     */
    public SignedContent(String reference, Document content, Node node) {
        this.reference = Objects.requireNonNull(reference, "reference");
        this.content = Objects.requireNonNull(content, "content");
        this.node = node;
    }

    /**
     * Returns how the signature refers to the content.
     *
     * @return the reference
     */
    public String reference() {
        return reference;
    }

    /**
     * Returns the signed content as a document (bytes, or the detached document).
     *
     * @return the content
     */
    public Document content() {
        return content;
    }

    /**
     * Returns the signed node of an XML signature: the element a same-document reference points to,
     * or the document node for a reference to the whole document (minus the signature itself).
     *
     * @return the node, empty for non-XML content
     */
    public Optional<Node> node() {
        return Optional.ofNullable(node);
    }

    @Override
    public String toString() {
        return "SignedContent[" + (reference.isEmpty() ? "whole document" : reference) + ", " + content + "]";
    }
}

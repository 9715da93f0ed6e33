package vn.govsdk.signing.internal.xades;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.apache.xml.security.exceptions.XMLSecurityException;
import org.apache.xml.security.signature.ObjectContainer;
import org.apache.xml.security.signature.XMLSignature;
import org.apache.xml.security.signature.XMLSignatureDigestInput;
import org.apache.xml.security.signature.XMLSignatureInput;
import org.apache.xml.security.transforms.Transforms;
import org.apache.xml.security.utils.resolver.ResourceResolverContext;
import org.apache.xml.security.utils.resolver.ResourceResolverSpi;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.IssuerSerial;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;
import vn.govsdk.core.InvalidInputException;
import vn.govsdk.signing.DigestAlgorithm;
import vn.govsdk.signing.Document;
import vn.govsdk.signing.PreparedSignature;
import vn.govsdk.signing.SignatureAlgorithm;
import vn.govsdk.signing.SignatureFormat;
import vn.govsdk.signing.SignatureLevel;
import vn.govsdk.signing.SignaturePackaging;
import vn.govsdk.signing.SigningException;
import vn.govsdk.signing.ValidationData;
import vn.govsdk.signing.ValidationDataSource;
import vn.govsdk.signing.internal.Certs;
import vn.govsdk.signing.internal.SigningAccess;
import vn.govsdk.signing.internal.crypto.Ecdsa;
import vn.govsdk.signing.internal.xml.XmlSec;
import vn.govsdk.signing.timestamp.TimestampToken;
import vn.govsdk.signing.timestamp.TimestampClient;
import vn.govsdk.signing.xades.Canonicalization;

/**
 * Builds XAdES B-B, B-T and B-LT signatures with Santuario, in the prepare/complete shape. The signature
 * is serialised once in {@link #prepare}, with placeholders where the signature value and (for B-T and
 * B-LT) the unsigned signature properties go; {@code complete} fills them in as bytes, so nothing that
 * was signed is serialised twice.
 */
public final class XadesEngine {

    private static final String PLACEHOLDER = "GOVSDK_SIGNATURE_VALUE_PLACEHOLDER";
    private static final String UNSIGNED_PLACEHOLDER = "GOVSDK_UNSIGNED_PROPERTIES_PLACEHOLDER";
    private static final String BASE64_ENCODING = "http://www.w3.org/2000/09/xmldsig#base64";

    private final SignaturePackaging packaging;
    private final Canonicalization c14n;
    private final SignatureAlgorithm requestedAlgorithm;
    private final DigestAlgorithm digest;
    private final String signedElementId;
    private final SignatureLevel level;
    private final Clock clock;
    private final TimestampClient timestampClient;
    private final ValidationDataSource validationDataSource;

    /**
     * Creates the engine with a signer's settings.
     *
     * @param packaging the packaging
     * @param c14n the canonicalization
     * @param algorithm the requested algorithm, or {@code null}
     * @param digest the reference digest
     * @param signedElementId the id of the element to sign, or {@code null} for the whole document
     * @param level the level
     * @param clock the clock
     */
    public XadesEngine(SignaturePackaging packaging, Canonicalization c14n, SignatureAlgorithm algorithm,
            DigestAlgorithm digest, String signedElementId, SignatureLevel level, Clock clock) {
        this(packaging, c14n, algorithm, digest, signedElementId, level, clock, null, null);
    }

    /**
     * Creates the engine with a signer's settings, for any level.
     *
     * @param packaging the packaging
     * @param c14n the canonicalization
     * @param algorithm the requested algorithm, or {@code null}
     * @param digest the reference digest, also the digest of the signature timestamp's message imprint
     * @param signedElementId the id of the element to sign, or {@code null} for the whole document
     * @param level the level
     * @param clock the clock
     * @param timestampClient the timestamp client (B-T, B-LT), or {@code null} for B-B
     * @param validationDataSource the validation data source (B-LT), or {@code null} otherwise
     */
    public XadesEngine(SignaturePackaging packaging, Canonicalization c14n, SignatureAlgorithm algorithm,
            DigestAlgorithm digest, String signedElementId, SignatureLevel level, Clock clock,
            TimestampClient timestampClient, ValidationDataSource validationDataSource) {
        if ((level == SignatureLevel.B_T || level == SignatureLevel.B_LT) && timestampClient == null) {
            throw new InvalidInputException("timestampClient", "is required for level " + level.displayName());
        }
        if (level == SignatureLevel.B_LT && validationDataSource == null) {
            throw new InvalidInputException("validationDataSource", "is required for level B-LT");
        }
        this.timestampClient = timestampClient;
        this.validationDataSource = validationDataSource;
        this.packaging = packaging;
        this.c14n = c14n;
        this.requestedAlgorithm = algorithm;
        this.digest = digest;
        this.signedElementId = signedElementId;
        this.level = level;
        this.clock = clock;
        XmlSec.init();
    }

    /**
     * Prepares the signature.
     *
     * @param document the document
     * @param chain the chain
     * @return the prepared signature
     */
    public PreparedSignature prepare(Document document, List<X509Certificate> chain) {
        Instant signingTime = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        SignatureAlgorithm algorithm = Certs.checkSigner(chain, requestedAlgorithm, signingTime);
        List<X509Certificate> certs = List.copyOf(chain);
        String sigId = "xades-" + UUID.randomUUID().toString().replace("-", "");
        try {
            Built built = switch (packaging) {
                case ENVELOPED -> enveloped(document, algorithm, certs, signingTime, sigId);
                case ENVELOPING -> enveloping(document, algorithm, certs, signingTime, sigId);
                case DETACHED -> detached(document, algorithm, certs, signingTime, sigId);
            };
            SigningAccess.PreparedData data = new SigningAccess.PreparedData(SignatureFormat.XADES, packaging, level,
                    algorithm, digest, certs, signingTime, document.name(), document.mediaType(), built.dataToSign);
            byte[] prefix = built.prefix;
            byte[] suffix = built.suffix;
            String fileName = fileName(document.name());
            return SigningAccess.get().prepared(data, value -> {
                byte[] xmlValue = value;
                if (algorithm.keyAlgorithm().equals("EC")) {
                    int fieldBytes = (((ECPublicKey) certs.get(0).getPublicKey()).getParams().getCurve().getField()
                            .getFieldSize() + 7) / 8;
                    xmlValue = Ecdsa.derToConcat(value, fieldBytes);
                }
                byte[] b64 = Base64.getEncoder().encode(xmlValue);
                byte[] out;
                if (built.unsignedAt < 0) {
                    out = concat(prefix, b64, suffix);
                } else {
                    byte[] unsigned = unsignedProperties(sigId, concat(built.valuePrefix, b64, built.valueSuffix), certs)
                            .getBytes(StandardCharsets.UTF_8);
                    out = concat(prefix, b64, java.util.Arrays.copyOfRange(suffix, 0, built.unsignedAt), unsigned,
                            java.util.Arrays.copyOfRange(suffix, built.unsignedAt + UNSIGNED_PLACEHOLDER.length(),
                                    suffix.length));
                }
                return SigningAccess.get().signed(data, Document.XML, fileName, out.length, o -> o.write(out));
            });
        } catch (XMLSecurityException e) {
            throw new SigningException("the XAdES signature could not be built: " + e.getMessage(), e);
        }
    }

    private String fileName(String name) {
        if (packaging == SignaturePackaging.ENVELOPED) {
            int dot = name.lastIndexOf('.');
            return dot > 0 ? name.substring(0, dot) + "-signed" + name.substring(dot) : name + "-signed.xml";
        }
        return name + ".xades.xml";
    }

    /**
     * A serialised signature: the bytes before and after the signature value; for B-T and B-LT also where
     * the unsigned signature properties go in {@code suffix} and the canonical {@code ds:SignatureValue}
     * around its value.
     */
    private record Built(byte[] dataToSign, byte[] prefix, byte[] suffix, int unsignedAt, byte[] valuePrefix,
            byte[] valueSuffix) {
    }

    private static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] out = new byte[n];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }

    private boolean timestamped() {
        return level == SignatureLevel.B_T || level == SignatureLevel.B_LT;
    }

    /**
     * Obtains the signature timestamp (and for B-LT the validation data) and writes the
     * {@code xades:UnsignedSignatureProperties}, with the prefixes in scope where they go ({@code ds} on the
     * signature, {@code xades} on the qualifying properties).
     */
    private String unsignedProperties(String sigId, byte[] canonicalValue, List<X509Certificate> chain) {
        byte[] imprint = digest.digest(canonicalValue);
        TimestampToken token = timestampClient.timestamp(digest, imprint);
        if (token == null || token.digestAlgorithm() != digest || !MessageDigest.isEqual(token.messageImprint(), imprint)) {
            throw new SigningException("the timestamp authority's token does not cover this signature's value "
                    + "(its message imprint differs); the token is not embedded");
        }
        StringBuilder x = new StringBuilder(4096);
        x.append("<xades:UnsignedSignatureProperties>");
        x.append("<xades:SignatureTimeStamp Id=\"").append(sigId).append("-ts\">");
        x.append("<ds:CanonicalizationMethod Algorithm=\"").append(c14n.uri()).append("\"></ds:CanonicalizationMethod>");
        x.append("<xades:EncapsulatedTimeStamp>").append(Base64.getEncoder().encodeToString(token.encoded()))
                .append("</xades:EncapsulatedTimeStamp>");
        x.append("</xades:SignatureTimeStamp>");
        if (level == SignatureLevel.B_LT) {
            List<X509Certificate> tsaChain = tsaChain(token);
            ValidationData data = validationDataSource.collect(chain).merge(validationDataSource.collect(tsaChain));
            List<X509Certificate> inKeyInfo = embedded(chain);
            java.util.LinkedHashSet<X509Certificate> values = new java.util.LinkedHashSet<>(chain);
            values.addAll(tsaChain);
            values.addAll(data.certificates());
            values.removeAll(inKeyInfo);
            if (!values.isEmpty()) {
                x.append("<xades:CertificateValues Id=\"").append(sigId).append("-certvalues\">");
                for (X509Certificate c : values) {
                    x.append("<xades:EncapsulatedX509Certificate>")
                            .append(Base64.getEncoder().encodeToString(Certs.encoded(c)))
                            .append("</xades:EncapsulatedX509Certificate>");
                }
                x.append("</xades:CertificateValues>");
            }
            List<byte[]> crls = distinct(data.crls());
            List<byte[]> ocsp = distinct(data.ocspResponses());
            if (!crls.isEmpty() || !ocsp.isEmpty()) {
                x.append("<xades:RevocationValues Id=\"").append(sigId).append("-revocationvalues\">");
                if (!crls.isEmpty()) {
                    x.append("<xades:CRLValues>");
                    for (byte[] crl : crls) {
                        x.append("<xades:EncapsulatedCRLValue>").append(Base64.getEncoder().encodeToString(crl))
                                .append("</xades:EncapsulatedCRLValue>");
                    }
                    x.append("</xades:CRLValues>");
                }
                if (!ocsp.isEmpty()) {
                    x.append("<xades:OCSPValues>");
                    for (byte[] r : ocsp) {
                        x.append("<xades:EncapsulatedOCSPValue>").append(Base64.getEncoder().encodeToString(r))
                                .append("</xades:EncapsulatedOCSPValue>");
                    }
                    x.append("</xades:OCSPValues>");
                }
                x.append("</xades:RevocationValues>");
            }
        }
        x.append("</xades:UnsignedSignatureProperties>");
        return x.toString();
    }

    private static List<byte[]> distinct(List<byte[]> values) {
        List<byte[]> out = new ArrayList<>();
        for (byte[] v : values) {
            if (out.stream().noneMatch(o -> java.util.Arrays.equals(o, v))) {
                out.add(v);
            }
        }
        return out;
    }

    /**
     * Orders the certificates of a timestamp token from the TSA's certificate up: the one that issues no
     * other certificate of the token first, then each one's issuer found among them.
     */
    static List<X509Certificate> tsaChain(TimestampToken token) {
        List<X509Certificate> certs = token.certificates();
        if (certs.isEmpty()) {
            throw new SigningException("the timestamp authority's token holds no certificate, so its validation "
                    + "data cannot be collected for B-LT; the timestamp client must request the certificate (certReq)");
        }
        X509Certificate leaf = null;
        for (X509Certificate c : certs) {
            boolean issuesAnother = certs.stream().anyMatch(o -> o != c && !o.equals(c)
                    && o.getIssuerX500Principal().equals(c.getSubjectX500Principal()));
            if (!issuesAnother) {
                leaf = c;
                break;
            }
        }
        List<X509Certificate> out = new ArrayList<>();
        X509Certificate current = leaf == null ? certs.get(0) : leaf;
        while (current != null && !out.contains(current) && out.size() < certs.size()) {
            out.add(current);
            X509Certificate issuer = null;
            for (X509Certificate c : certs) {
                if (!out.contains(c) && c.getSubjectX500Principal().equals(current.getIssuerX500Principal())) {
                    issuer = c;
                    break;
                }
            }
            current = issuer;
        }
        return out;
    }

    private Built enveloped(Document document, SignatureAlgorithm algorithm, List<X509Certificate> chain,
            Instant signingTime, String sigId) throws XMLSecurityException {
        byte[] original = document.bytes();
        org.w3c.dom.Document dom = parseInput(original);
        Element root = dom.getDocumentElement();
        String referenceUri = "";
        if (signedElementId != null) {
            List<Attr> hits = findIds(root, signedElementId);
            if (hits.size() != 1) {
                throw new InvalidInputException("signedElementId", hits.isEmpty()
                        ? "no element has Id '" + signedElementId + "'"
                        : "'" + signedElementId + "' is the Id of " + hits.size() + " elements; it must be unique");
            }
            Attr hit = hits.get(0);
            hit.owner.setIdAttributeNode(hit.attr, true);
            referenceUri = "#" + signedElementId;
        }
        XMLSignature sig = newSignature(dom, algorithm);
        root.appendChild(sig.getElement());
        Transforms t = new Transforms(dom);
        t.addTransform(Transforms.TRANSFORM_ENVELOPED_SIGNATURE);
        t.addTransform(c14n.uri());
        String refId = sigId + "-ref0";
        sig.addDocument(referenceUri, t, digest.xmlDsigUri(), refId, null);
        finish(sig, dom, chain, signingTime, sigId, refId, document.mediaType());
        byte[] dataToSign = signedInfo(sig);
        setPlaceholder(sig);
        byte[] sigBytes = XmlSec.serializeSignature(sig.getElement());
        int offset = rootEndTagOffset(original, root.getTagName());
        byte[] out;
        if (offset >= 0 && isAscii(sigBytes)) {
            out = new byte[original.length + sigBytes.length];
            System.arraycopy(original, 0, out, 0, offset);
            System.arraycopy(sigBytes, 0, out, offset, sigBytes.length);
            System.arraycopy(original, offset, out, offset + sigBytes.length, original.length - offset);
        } else {
            out = XmlSec.serializeDocument(dom);
        }
        return split(dataToSign, out, sig);
    }

    private Built enveloping(Document document, SignatureAlgorithm algorithm, List<X509Certificate> chain,
            Instant signingTime, String sigId) throws XMLSecurityException {
        byte[] content = document.bytes();
        org.w3c.dom.Document dom = XmlSec.newDocument();
        XMLSignature sig = newSignature(dom, algorithm);
        dom.appendChild(sig.getElement());
        ObjectContainer obj = new ObjectContainer(dom);
        String objId = sigId + "-content";
        obj.setId(objId);
        Transforms t = new Transforms(dom);
        if (isXml(document)) {
            org.w3c.dom.Document parsed = parseInput(content);
            obj.appendChild(dom.importNode(parsed.getDocumentElement(), true));
            t.addTransform(c14n.uri());
        } else {
            obj.setMimeType(document.mediaType());
            obj.setEncoding(BASE64_ENCODING);
            obj.appendChild(dom.createTextNode(Base64.getEncoder().encodeToString(content)));
            t.addTransform(Transforms.TRANSFORM_BASE64_DECODE);
        }
        sig.appendObject(obj);
        obj.getElement().setIdAttributeNS(null, "Id", true);
        String refId = sigId + "-ref0";
        sig.addDocument("#" + objId, t, digest.xmlDsigUri(), refId, null);
        finish(sig, dom, chain, signingTime, sigId, refId, document.mediaType());
        byte[] dataToSign = signedInfo(sig);
        setPlaceholder(sig);
        return split(dataToSign, XmlSec.serializeDocument(dom), sig);
    }

    private Built detached(Document document, SignatureAlgorithm algorithm, List<X509Certificate> chain,
            Instant signingTime, String sigId) throws XMLSecurityException {
        String uri = referenceUri(document.name());
        byte[] contentDigest = streamDigest(document);
        org.w3c.dom.Document dom = XmlSec.newDocument();
        XMLSignature sig = newSignature(dom, algorithm);
        dom.appendChild(sig.getElement());
        sig.addResourceResolver(new PrecomputedResolver(uri, Base64.getEncoder().encodeToString(contentDigest)));
        String refId = sigId + "-ref0";
        sig.addDocument(uri, null, digest.xmlDsigUri(), refId, null);
        finish(sig, dom, chain, signingTime, sigId, refId, document.mediaType());
        byte[] dataToSign = signedInfo(sig);
        setPlaceholder(sig);
        return split(dataToSign, XmlSec.serializeDocument(dom), sig);
    }

    private byte[] streamDigest(Document document) {
        MessageDigest md = digest.newMessageDigest();
        byte[] buf = new byte[64 * 1024];
        try (InputStream in = document.openStream()) {
            int n;
            while ((n = in.read(buf)) > 0) {
                md.update(buf, 0, n);
            }
        } catch (IOException e) {
            throw new SigningException("document " + document.name() + " could not be read: " + e.getMessage(), e);
        }
        return md.digest();
    }

    static String referenceUri(String name) {
        try {
            // A relative URI reference: the file name, percent-encoded where needed (spaces, Vietnamese letters).
            String encoded = new URI(null, null, name, null).toASCIIString();
            if (encoded.startsWith("#") || encoded.isEmpty() || encoded.contains(":") && encoded.indexOf(':') < encoded.indexOf('/') + 1) {
                encoded = "./" + encoded;
            }
            return encoded;
        } catch (URISyntaxException e) {
            throw new InvalidInputException("document.name", "cannot be used as a reference: " + e.getMessage());
        }
    }

    /** Resolves the detached document's reference to its precomputed digest. */
    private static final class PrecomputedResolver extends ResourceResolverSpi {
        private final String uri;
        private final String digestBase64;

        PrecomputedResolver(String uri, String digestBase64) {
            this.uri = uri;
            this.digestBase64 = digestBase64;
        }

        @Override
        public XMLSignatureInput engineResolveURI(ResourceResolverContext context) {
            XMLSignatureInput in = new XMLSignatureDigestInput(digestBase64);
            in.setSourceURI(uri);
            return in;
        }

        @Override
        public boolean engineCanResolveURI(ResourceResolverContext context) {
            return uri.equals(context.uriToResolve);
        }
    }

    private XMLSignature newSignature(org.w3c.dom.Document dom, SignatureAlgorithm algorithm) throws XMLSecurityException {
        return new XMLSignature(dom, null, algorithm.xmlDsigUri(), 0, c14n.uri(), XmlSec.providerFor(algorithm.xmlDsigUri()), null);
    }

    private void finish(XMLSignature sig, org.w3c.dom.Document dom, List<X509Certificate> chain, Instant signingTime,
            String sigId, String refId, String mediaType) throws XMLSecurityException {
        sig.setId(sigId);
        sig.getElement().setIdAttributeNS(null, "Id", true);
        String spId = sigId + "-signedprops";
        Element qp = dom.createElementNS(XmlSec.XADES, "xades:QualifyingProperties");
        qp.setAttributeNS(XmlSec.XMLNS, "xmlns:xades", XmlSec.XADES);
        qp.setAttributeNS(null, "Target", "#" + sigId);
        Element sp = child(qp, XmlSec.XADES, "xades:SignedProperties");
        sp.setAttributeNS(null, "Id", spId);
        sp.setIdAttributeNS(null, "Id", true);
        Element ssp = child(sp, XmlSec.XADES, "xades:SignedSignatureProperties");
        child(ssp, XmlSec.XADES, "xades:SigningTime").setTextContent(DateTimeFormatter.ISO_INSTANT.format(signingTime));
        // The signer's certificate first, then the rest of its chain (EN 319 132-1 allows the path), so
        // the certificates in KeyInfo are protected by the signature too.
        Element scv2 = child(ssp, XmlSec.XADES, "xades:SigningCertificateV2");
        for (X509Certificate c : embedded(chain)) {
            Element cert = child(scv2, XmlSec.XADES, "xades:Cert");
            Element certDigest = child(cert, XmlSec.XADES, "xades:CertDigest");
            Element dm = child(certDigest, XmlSec.DS, "ds:DigestMethod");
            dm.setAttributeNS(null, "Algorithm", digest.xmlDsigUri());
            child(certDigest, XmlSec.DS, "ds:DigestValue").setTextContent(
                    Base64.getEncoder().encodeToString(Certs.digest(c, digest)));
            child(cert, XmlSec.XADES, "xades:IssuerSerialV2").setTextContent(issuerSerialV2(c));
        }
        Element sdop = child(sp, XmlSec.XADES, "xades:SignedDataObjectProperties");
        Element dof = child(sdop, XmlSec.XADES, "xades:DataObjectFormat");
        dof.setAttributeNS(null, "ObjectReference", "#" + refId);
        child(dof, XmlSec.XADES, "xades:MimeType").setTextContent(mediaType);
        ObjectContainer qpObject = new ObjectContainer(dom);
        qpObject.appendChild(qp);
        sig.appendObject(qpObject);

        Transforms spTransforms = new Transforms(dom);
        spTransforms.addTransform(c14n.uri());
        sig.addDocument("#" + spId, spTransforms, digest.xmlDsigUri(), null, XmlSec.SIGNED_PROPERTIES_TYPE);

        // Certificates as one-line base64 (Santuario's own encoder wraps lines with carriage returns).
        Element x509 = dom.createElementNS(XmlSec.DS, "ds:X509Data");
        for (X509Certificate c : embedded(chain)) {
            child(x509, XmlSec.DS, "ds:X509Certificate").setTextContent(Base64.getEncoder().encodeToString(Certs.encoded(c)));
        }
        sig.getKeyInfo().getElement().appendChild(x509);
    }

    /** The chain without a self-signed root: the verifier holds roots as trust anchors. */
    static List<X509Certificate> embedded(List<X509Certificate> chain) {
        List<X509Certificate> out = new ArrayList<>();
        for (X509Certificate c : chain) {
            if (out.isEmpty() || !c.getSubjectX500Principal().equals(c.getIssuerX500Principal())) {
                out.add(c);
            }
        }
        return out;
    }

    private static String issuerSerialV2(X509Certificate cert) {
        try {
            IssuerSerial is = new IssuerSerial(new GeneralNames(new GeneralName(
                    X500Name.getInstance(cert.getIssuerX500Principal().getEncoded()))),
                    new ASN1Integer(cert.getSerialNumber()));
            return Base64.getEncoder().encodeToString(is.getEncoded("DER"));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Element child(Element parent, String ns, String qname) {
        Element e = parent.getOwnerDocument().createElementNS(ns, qname);
        parent.appendChild(e);
        return e;
    }

    private static byte[] signedInfo(XMLSignature sig) throws XMLSecurityException {
        // Santuario indents the signature with line breaks; outside SignedInfo they would be unsigned bytes
        // that could change without anyone noticing, so the signature is written without them.
        stripWhitespace(sig.getElement());
        sig.getSignedInfo().generateDigestValues();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        sig.getSignedInfo().signInOctetStream(out);
        return out.toByteArray();
    }

    private static void stripWhitespace(Element e) {
        Node c = e.getFirstChild();
        while (c != null) {
            Node next = c.getNextSibling();
            if (c.getNodeType() == Node.TEXT_NODE && c.getNodeValue().isBlank() && hasElementSibling(c)) {
                e.removeChild(c);
            } else if (c instanceof Element ce) {
                stripWhitespace(ce);
            }
            c = next;
        }
    }

    private static boolean hasElementSibling(Node text) {
        for (Node n = text.getParentNode().getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n.getNodeType() == Node.ELEMENT_NODE) {
                return true;
            }
        }
        return false;
    }

    private void setPlaceholder(XMLSignature sig) {
        Element sv = ownChild(sig.getElement(), XmlSec.DS, "SignatureValue");
        sv.setTextContent(PLACEHOLDER);
        if (timestamped()) {
            // Outside SignedInfo, so not signed: an Id lets others point at the value the timestamp covers.
            sv.setAttributeNS(null, "Id", sig.getId() + "-sigvalue");
            // This signature's own properties: an enveloped document may hold other signatures' properties.
            Element qp = null;
            for (Node o = sig.getElement().getFirstChild(); o != null && qp == null; o = o.getNextSibling()) {
                if (o instanceof Element oe && XmlSec.DS.equals(oe.getNamespaceURI()) && "Object".equals(oe.getLocalName())) {
                    Element q = ownChild(oe, XmlSec.XADES, "QualifyingProperties");
                    if (q != null && ("#" + sig.getId()).equals(q.getAttribute("Target"))) {
                        qp = q;
                    }
                }
            }
            if (qp == null) {
                throw new IllegalStateException("the signature's QualifyingProperties could not be found");
            }
            child(qp, XmlSec.XADES, "xades:UnsignedProperties").setTextContent(UNSIGNED_PLACEHOLDER);
        }
    }

    private static Element ownChild(Element parent, String ns, String local) {
        for (Node c = parent.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (c instanceof Element e && ns.equals(e.getNamespaceURI()) && local.equals(e.getLocalName())) {
                return e;
            }
        }
        return null;
    }

    /** The canonical form of the ds:SignatureValue element as the timestamp will cover it, around the value. */
    private byte[][] canonicalValue(XMLSignature sig) {
        Element sv = ownChild(sig.getElement(), XmlSec.DS, "SignatureValue");
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            org.apache.xml.security.c14n.Canonicalizer.getInstance(c14n.uri()).canonicalizeSubtree(sv, out);
            byte[] c = out.toByteArray();
            byte[] p = PLACEHOLDER.getBytes(StandardCharsets.US_ASCII);
            int at = indexOf(c, p, 0);
            if (at < 0 || indexOf(c, p, at + 1) >= 0) {
                throw new IllegalStateException("the signature value position could not be found in its canonical form");
            }
            return new byte[][] {java.util.Arrays.copyOfRange(c, 0, at), java.util.Arrays.copyOfRange(c, at + p.length, c.length)};
        } catch (XMLSecurityException e) {
            throw new SigningException("the signature value could not be canonicalised: " + e.getMessage(), e);
        }
    }

    private Built split(byte[] dataToSign, byte[] out, XMLSignature sig) {
        byte[] p = PLACEHOLDER.getBytes(StandardCharsets.US_ASCII);
        int at = indexOf(out, p, 0);
        if (at < 0 || indexOf(out, p, at + 1) >= 0) {
            throw new IllegalStateException("the signature value position could not be found exactly once");
        }
        byte[] suffix = java.util.Arrays.copyOfRange(out, at + p.length, out.length);
        if (!timestamped()) {
            return new Built(dataToSign, java.util.Arrays.copyOfRange(out, 0, at), suffix, -1, null, null);
        }
        byte[] u = UNSIGNED_PLACEHOLDER.getBytes(StandardCharsets.US_ASCII);
        int uat = indexOf(suffix, u, 0);
        if (uat < 0 || indexOf(suffix, u, uat + 1) >= 0) {
            throw new IllegalStateException("the unsigned properties' position could not be found exactly once");
        }
        byte[][] value = canonicalValue(sig);
        return new Built(dataToSign, java.util.Arrays.copyOfRange(out, 0, at), suffix, uat, value[0], value[1]);
    }

    static int indexOf(byte[] hay, byte[] needle, int from) {
        outer:
        for (int i = from; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static boolean isAscii(byte[] b) {
        for (byte x : b) {
            if (x < 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean isXml(Document d) {
        String m = d.mediaType().toLowerCase(java.util.Locale.ROOT);
        return m.equals("application/xml") || m.equals("text/xml") || m.endsWith("+xml");
    }

    private static org.w3c.dom.Document parseInput(byte[] bytes) {
        try {
            return XmlSec.parse(bytes);
        } catch (SAXException e) {
            throw new InvalidInputException("document", "is not well-formed XML or holds a DOCTYPE (refused): "
                    + e.getMessage());
        } catch (IOException e) {
            throw new InvalidInputException("document", "cannot be read as XML: " + e.getMessage());
        }
    }

    /** An Id-like attribute and its element. */
    record Attr(Element owner, org.w3c.dom.Attr attr) {
    }

    static List<Attr> findIds(Element root, String value) {
        List<Attr> out = new ArrayList<>();
        collect(root, value, out);
        return out;
    }

    private static void collect(Element e, String value, List<Attr> out) {
        NamedNodeMap attrs = e.getAttributes();
        for (int i = 0; i < attrs.getLength(); i++) {
            org.w3c.dom.Attr a = (org.w3c.dom.Attr) attrs.item(i);
            String n = a.getLocalName() == null ? a.getName() : a.getLocalName();
            if ((n.equals("Id") || n.equals("ID") || n.equals("id")) && value.equals(a.getValue())) {
                out.add(new Attr(e, a));
            }
        }
        for (Node c = e.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (c instanceof Element ce) {
                collect(ce, value, out);
            }
        }
    }

    /**
     * Finds where the root element's end tag starts, skipping trailing comments, processing
     * instructions and white space.
     *
     * @param xml the document bytes (UTF-8 or another ASCII-compatible encoding)
     * @param qname the root's qualified name
     * @return the offset of {@code </qname>}, or -1 if it cannot be found (for example a self-closing root)
     */
    static int rootEndTagOffset(byte[] xml, String qname) {
        int end = xml.length;
        while (true) {
            while (end > 0 && isSpace(xml[end - 1])) {
                end--;
            }
            if (endsWith(xml, end, "-->")) {
                int start = lastIndexOf(xml, end - 3, "<!--");
                if (start < 0) {
                    return -1;
                }
                end = start;
            } else if (endsWith(xml, end, "?>")) {
                int start = lastIndexOf(xml, end - 2, "<?");
                if (start < 0) {
                    return -1;
                }
                end = start;
            } else {
                break;
            }
        }
        if (end == 0 || xml[end - 1] != '>') {
            return -1;
        }
        int i = end - 2;
        while (i >= 0 && isSpace(xml[i])) {
            i--;
        }
        byte[] q = qname.getBytes(StandardCharsets.UTF_8);
        int start = i - q.length + 1;
        if (start < 2) {
            return -1;
        }
        for (int j = 0; j < q.length; j++) {
            if (xml[start + j] != q[j]) {
                return -1;
            }
        }
        if (xml[start - 2] != '<' || xml[start - 1] != '/') {
            return -1;
        }
        return start - 2;
    }

    private static boolean isSpace(byte b) {
        return b == ' ' || b == '\n' || b == '\r' || b == '\t';
    }

    private static boolean endsWith(byte[] xml, int end, String s) {
        int n = s.length();
        if (end < n) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            if (xml[end - n + i] != s.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static int lastIndexOf(byte[] xml, int before, String s) {
        byte[] n = s.getBytes(StandardCharsets.US_ASCII);
        for (int i = before - n.length; i >= 0; i--) {
            boolean ok = true;
            for (int j = 0; j < n.length; j++) {
                if (xml[i + j] != n[j]) {
                    ok = false;
                    break;
                }
            }
            if (ok) {
                return i;
            }
        }
        return -1;
    }

}

package vn.govsdk.signing.internal.verify;

import java.io.IOException;
import java.io.InputStream;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.xml.security.exceptions.XMLSecurityException;
import org.apache.xml.security.signature.XMLSignature;
import org.apache.xml.security.signature.XMLSignatureInput;
import org.apache.xml.security.signature.XMLSignatureStreamInput;
import org.apache.xml.security.utils.resolver.ResourceResolverContext;
import org.apache.xml.security.utils.resolver.ResourceResolverSpi;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.IssuerSerial;
import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;
import vn.govsdk.core.InvalidInputException;
import vn.govsdk.signing.DigestAlgorithm;
import vn.govsdk.signing.Document;
import vn.govsdk.signing.SignatureAlgorithm;
import vn.govsdk.signing.SignatureFormat;
import vn.govsdk.signing.SignatureLevel;
import vn.govsdk.signing.internal.Certs;
import vn.govsdk.signing.internal.xml.XmlSec;
import vn.govsdk.signing.verify.Reason;
import vn.govsdk.signing.verify.ReasonCode;
import vn.govsdk.signing.verify.SignatureReport;
import vn.govsdk.signing.verify.SignedContent;
import vn.govsdk.signing.verify.TimestampReport;

/**
 * Verifies XML signatures (XMLDSig and XAdES) with Santuario's secure validation, after checks of its
 * own that refuse what secure validation lets through: references other than {@code ""} and
 * {@code #id} (an external reference only for the detached document the caller gave), transforms
 * beyond a safe list, duplicate ids, more than {@value #MAX_REFERENCES} references or
 * {@value #MAX_TRANSFORMS} transforms per reference, non-canonical base64, and signed elements that
 * were moved or copied (signature wrapping).
 */
public final class XmlVerifier {

    static final int MAX_SIGNATURES = 50;
    static final int MAX_REFERENCES = 30;
    static final int MAX_TRANSFORMS = 5;

    private static final Set<String> SAFE_TRANSFORMS = Set.of(
            "http://www.w3.org/2000/09/xmldsig#enveloped-signature",
            "http://www.w3.org/TR/2001/REC-xml-c14n-20010315",
            "http://www.w3.org/TR/2001/REC-xml-c14n-20010315#WithComments",
            "http://www.w3.org/2006/12/xml-c14n11",
            "http://www.w3.org/2006/12/xml-c14n11#WithComments",
            "http://www.w3.org/2001/10/xml-exc-c14n#",
            "http://www.w3.org/2001/10/xml-exc-c14n#WithComments",
            "http://www.w3.org/2000/09/xmldsig#base64");

    /** At most this many certificates, OCSP responses or CRLs in the unsigned properties, each kind. */
    static final int MAX_VALIDATION_VALUES = 50;
    /** The largest timestamp token or OCSP response accepted, in bytes. */
    static final int MAX_TOKEN_BYTES = 64 * 1024;
    /** The largest embedded CRL accepted, in bytes. */
    static final int MAX_CRL_BYTES = 8 * 1024 * 1024;
    /** The largest total of embedded validation data accepted, in bytes. */
    static final int MAX_VALIDATION_BYTES = 32 * 1024 * 1024;

    /** The default canonicalization of a XAdES timestamp without ds:CanonicalizationMethod (EN 319 132-1 5.1.4). */
    private static final String DEFAULT_TIMESTAMP_C14N = "http://www.w3.org/TR/2001/REC-xml-c14n-20010315";

    private final CertificateValidator validator;
    private final boolean dotNetEnveloped;
    /** The CMS verifier whose timestamp check the XAdES signature timestamp goes through. */
    private final CmsVerifier cms;

    /**
     * Creates the verifier.
     *
     * @param validator the common certificate checks
     */
    public XmlVerifier(CertificateValidator validator) {
        this(validator, false);
    }

    /**
     * Creates the verifier.
     *
     * @param validator the common certificate checks
     * @param dotNetEnveloped whether the .NET reading of the enveloped-signature transform is accepted
     */
    public XmlVerifier(CertificateValidator validator, boolean dotNetEnveloped) {
        this.validator = validator;
        this.dotNetEnveloped = dotNetEnveloped;
        this.cms = new CmsVerifier(validator);
        XmlSec.init();
    }

    /**
     * Verifies every signature of an XML document.
     *
     * @param bytes the document
     * @param detached the detached content a signature may refer to, or {@code null}
     * @param validationTime now
     * @return the reports
     */
    public FormatResult verify(byte[] bytes, Document detached, Instant validationTime) {
        org.w3c.dom.Document dom;
        try {
            dom = XmlSec.parse(bytes);
        } catch (SAXException e) {
            String m = String.valueOf(e.getMessage());
            if (m.contains("DOCTYPE") || m.contains("DTD") || m.contains("entit")) {
                return FormatResult.failed(new Reason(ReasonCode.UNSAFE_CONTENT, "the document declares a DTD or "
                        + "entities (DOCTYPE), which is refused because it enables entity-expansion and "
                        + "external-entity attacks; signed documents never need one"));
            }
            return FormatResult.failed(new Reason(ReasonCode.MALFORMED, "the document is not well-formed XML: " + m));
        } catch (IOException e) {
            return FormatResult.failed(new Reason(ReasonCode.MALFORMED, "the document cannot be read as XML: " + e.getMessage()));
        }
        if (!"1.0".equals(dom.getXmlVersion())) {
            return FormatResult.failed(new Reason(ReasonCode.UNSAFE_CONTENT, "the document is XML " + dom.getXmlVersion()
                    + "; signatures are verified on XML 1.0 only (canonical XML is not defined for XML 1.1)"));
        }
        List<Element> signatures = new ArrayList<>();
        var list = dom.getElementsByTagNameNS(XmlSec.DS, "Signature");
        for (int i = 0; i < list.getLength(); i++) {
            signatures.add((Element) list.item(i));
        }
        if (signatures.isEmpty()) {
            return FormatResult.failed(new Reason(ReasonCode.NO_SIGNATURE, "the XML document holds no XML signature (ds:Signature)"));
        }
        if (signatures.size() > MAX_SIGNATURES) {
            return FormatResult.failed(new Reason(ReasonCode.UNSAFE_CONTENT, "the document holds " + signatures.size()
                    + " signatures, more than the " + MAX_SIGNATURES + " the verifier accepts"));
        }
        Map<String, List<Element>> ids = collectIds(dom.getDocumentElement());
        for (Map.Entry<String, List<Element>> e : ids.entrySet()) {
            if (e.getValue().size() == 1) {
                Element el = e.getValue().get(0);
                Attr a = idAttribute(el, e.getKey());
                if (a != null) {
                    el.setIdAttributeNode(a, true);
                }
            }
        }
        List<SignatureReport> reports = new ArrayList<>();
        for (Element sig : signatures) {
            reports.add(verifyOne(dom, sig, ids, detached, validationTime));
        }
        return new FormatResult(reports, List.of());
    }

    private SignatureReport verifyOne(org.w3c.dom.Document dom, Element sigEl, Map<String, List<Element>> ids,
            Document detached, Instant validationTime) {
        SignatureReport.Builder report = SignatureReport.builder(looksXades(sigEl, ids) ? SignatureFormat.XADES
                : SignatureFormat.XMLDSIG).level(SignatureLevel.NONE);
        String sigId = sigEl.hasAttribute("Id") ? sigEl.getAttribute("Id") : null;
        report.signatureId(sigId);
        Element signedInfo = firstChild(sigEl, XmlSec.DS, "SignedInfo");
        if (signedInfo == null) {
            return report.invalid(ReasonCode.STRUCTURE_INVALID, "the signature has no SignedInfo").build();
        }
        // 1. Our own structural and safety checks, before Santuario dereferences anything.
        List<Element> refs = children(signedInfo, XmlSec.DS, "Reference");
        if (refs.isEmpty()) {
            return report.invalid(ReasonCode.STRUCTURE_INVALID, "the signature signs nothing (no Reference)").build();
        }
        if (refs.size() > MAX_REFERENCES) {
            return report.invalid(ReasonCode.UNSAFE_CONTENT, "the signature has " + refs.size()
                    + " references, more than the " + MAX_REFERENCES + " accepted").build();
        }
        Element sm = firstChild(signedInfo, XmlSec.DS, "SignatureMethod");
        String smUri = sm == null ? null : sm.getAttribute("Algorithm");
        report.algorithm(smUri);
        SignatureAlgorithm algorithm = null;
        List<String> legacy = new ArrayList<>();
        try {
            algorithm = SignatureAlgorithm.fromName(smUri);
            report.algorithm(algorithm.name());
        } catch (InvalidInputException e) {
            if (XmlSec.RSA_SHA1.equals(smUri)) {
                legacy.add("signature method rsa-sha1 (SHA-1)");
                report.algorithm("RSA_SHA1");
            } else {
                report.invalid(ReasonCode.WEAK_ALGORITHM, "the signature method " + smUri + " is not permitted: " + e.rule());
            }
        }
        Element cm = firstChild(signedInfo, XmlSec.DS, "CanonicalizationMethod");
        if (cm == null || !SAFE_TRANSFORMS.contains(cm.getAttribute("Algorithm"))
                || cm.getAttribute("Algorithm").endsWith("#base64")
                || cm.getAttribute("Algorithm").endsWith("#enveloped-signature")) {
            return report.invalid(ReasonCode.UNSAFE_CONTENT, "the canonicalization method "
                    + (cm == null ? "(missing)" : cm.getAttribute("Algorithm")) + " is not one of the safe C14N methods").build();
        }
        String externalUri = null;
        Map<Element, Element> referenced = new LinkedHashMap<>();
        Element signedPropertiesRef = null;
        Set<String> referenceIds = new HashSet<>();
        for (Element ref : refs) {
            if (ref.hasAttribute("Id")) {
                referenceIds.add(ref.getAttribute("Id"));
            }
            if (!ref.hasAttributeNS(null, "URI")) {
                return report.invalid(ReasonCode.UNSAFE_CONTENT, "a reference has no URI; the verifier does not guess "
                        + "what it signs").build();
            }
            String uri = ref.getAttribute("URI");
            Element transforms = firstChild(ref, XmlSec.DS, "Transforms");
            if (transforms != null) {
                List<Element> ts = children(transforms, XmlSec.DS, "Transform");
                if (ts.size() > MAX_TRANSFORMS) {
                    return report.invalid(ReasonCode.UNSAFE_CONTENT, "a reference has " + ts.size()
                            + " transforms, more than the " + MAX_TRANSFORMS + " accepted").build();
                }
                for (Element t : ts) {
                    String alg = t.getAttribute("Algorithm");
                    if (!SAFE_TRANSFORMS.contains(alg) && !EnvelopedXPath.isAllowed(t)) {
                        return report.invalid(ReasonCode.UNSAFE_CONTENT, "the reference '" + uri + "' uses the transform "
                                + alg + (alg.contains("xslt") ? " (XSLT)" : alg.contains("xpath") || alg.contains("filter2")
                                ? " (XPath) with an expression outside the allow-list" : "") + ", which is refused: only "
                                + "enveloped-signature, the C14N methods, base64, and the XPath forms that remove signatures "
                                + "(" + EnvelopedXPath.DESCRIPTION + ") are accepted").build();
                    }
                }
            }
            Element dmEl = firstChild(ref, XmlSec.DS, "DigestMethod");
            try {
                DigestAlgorithm.fromName(dmEl == null ? null : dmEl.getAttribute("Algorithm"));
            } catch (InvalidInputException e) {
                if (dmEl != null && XmlSec.SHA1.equals(dmEl.getAttribute("Algorithm"))) {
                    legacy.add("SHA-1 digest of the reference '" + uri + "'");
                } else {
                    report.invalid(ReasonCode.WEAK_ALGORITHM, "the reference '" + uri + "' uses a digest that is not "
                            + "permitted: " + e.rule());
                }
            }
            if (uri.isEmpty()) {
                referenced.put(ref, dom.getDocumentElement());
            } else if (uri.startsWith("#")) {
                String id = uri.substring(1);
                if (id.startsWith("xpointer(")) {
                    return report.invalid(ReasonCode.UNSAFE_CONTENT, "the reference '" + uri
                            + "' uses an XPointer expression, which is refused; only '#id' references are accepted").build();
                }
                List<Element> hits = ids.get(id);
                if (hits == null || hits.isEmpty()) {
                    return report.invalid(ReasonCode.STRUCTURE_INVALID, "the reference '" + uri
                            + "' points to no element of the document").build();
                }
                if (hits.size() > 1) {
                    return report.invalid(ReasonCode.UNSAFE_CONTENT, "the Id '" + id + "' is used by " + hits.size()
                            + " elements (" + names(hits) + "); a reference must resolve to exactly one element, "
                            + "duplicate ids are a signature-wrapping attack").build();
                }
                referenced.put(ref, hits.get(0));
                if (XmlSec.SIGNED_PROPERTIES_TYPE.equals(ref.getAttribute("Type"))
                        || ("SignedProperties".equals(hits.get(0).getLocalName())
                        && XmlSec.XADES.equals(hits.get(0).getNamespaceURI()))) {
                    if (signedPropertiesRef != null) {
                        return report.invalid(ReasonCode.STRUCTURE_INVALID, "the signature signs two sets of XAdES "
                                + "signed properties").build();
                    }
                    signedPropertiesRef = ref;
                }
            } else {
                int colon = uri.indexOf(':');
                if (colon > 0 && (uri.indexOf('/') < 0 || colon < uri.indexOf('/'))) {
                    return report.invalid(ReasonCode.UNSAFE_CONTENT, "the signature refers to the external resource '"
                            + uri + "'; external resources are never fetched, only references inside the document "
                            + "and a relative reference to the detached document given to the verifier are followed").build();
                }
                if (detached == null) {
                    return report.invalid(ReasonCode.DETACHED_CONTENT_MISSING, "the signature refers to '" + uri
                            + "' outside the document; give that document to the verifier as the detached content "
                            + "(external resources are never fetched)").build();
                }
                if (externalUri != null) {
                    return report.invalid(ReasonCode.UNSAFE_CONTENT, "the signature refers to more than one resource "
                            + "outside the document ('" + externalUri + "', '" + uri + "'); only one detached document is accepted").build();
                }
                externalUri = uri;
                referenced.put(ref, null);
            }
        }
        if (report.status() != vn.govsdk.signing.verify.SignatureStatus.VALID) {
            return report.build();
        }
        // 2. Canonical base64 everywhere a value is read.
        List<X509Certificate> certs = new ArrayList<>();
        try {
            for (Element dv : descendants(sigEl, XmlSec.DS, "DigestValue")) {
                Base64Strict.decode(dv.getTextContent());
            }
            Element sv = firstChild(sigEl, XmlSec.DS, "SignatureValue");
            if (sv == null) {
                return report.invalid(ReasonCode.STRUCTURE_INVALID, "the signature has no SignatureValue").build();
            }
            Base64Strict.decode(sv.getTextContent());
            Element keyInfo = firstChild(sigEl, XmlSec.DS, "KeyInfo");
            if (keyInfo != null) {
                for (Element xc : descendants(keyInfo, XmlSec.DS, "X509Certificate")) {
                    certs.add(Certs.parse(Base64Strict.decode(xc.getTextContent())));
                }
            }
        } catch (IllegalArgumentException e) {
            return report.invalid(ReasonCode.STRUCTURE_INVALID, "a value of the signature is not valid base64 "
                    + "(the signature block was altered)").build();
        } catch (CertificateException e) {
            return report.invalid(ReasonCode.STRUCTURE_INVALID, "a certificate in KeyInfo cannot be read ("
                    + e.getMessage() + "); the signature block was altered").build();
        }
        // 3. XAdES qualifying properties.
        Xades xades = null;
        if (signedPropertiesRef != null) {
            Element sp = referenced.get(signedPropertiesRef);
            String problem = xadesStructure(sigEl, sp, sigId);
            if (problem != null) {
                return report.invalid(ReasonCode.STRUCTURE_INVALID, problem).build();
            }
            try {
                xades = Xades.read(sp);
            } catch (IllegalArgumentException e) {
                return report.invalid(ReasonCode.STRUCTURE_INVALID, "the XAdES signed properties cannot be read: "
                        + e.getMessage()).build();
            }
            if (xades.dataObjectReferences().stream().anyMatch(r -> !r.startsWith("#") || !referenceIds.contains(r.substring(1)))) {
                return report.invalid(ReasonCode.STRUCTURE_INVALID, "a XAdES DataObjectFormat names a reference "
                        + "that this signature does not have").build();
            }
        }
        // 3b. XAdES unsigned properties (B-T, B-LT): only in this signature's one QualifyingProperties.
        Unsigned unsigned = Unsigned.NONE;
        if (xades != null) {
            Element qp = (Element) referenced.get(signedPropertiesRef).getParentNode();
            String problem = unsignedStructure(dom, sigEl, qp, sigId);
            if (problem != null) {
                return report.invalid(ReasonCode.UNSAFE_CONTENT, problem).build();
            }
            try {
                unsigned = Unsigned.read(qp);
            } catch (IllegalArgumentException e) {
                return report.invalid(ReasonCode.STRUCTURE_INVALID, "the XAdES unsigned properties cannot be read: "
                        + e.getMessage()).build();
            }
        }
        if (xades != null) {
            boolean baseline = xades.hasSigningCertificate() && xades.signingTime() != null;
            report.level(!baseline ? SignatureLevel.NONE : unsigned.timestamp() == null ? SignatureLevel.B_B
                    : unsigned.hasValidationData() ? SignatureLevel.B_LT : SignatureLevel.B_T);
            report.signingTime(xades.signingTime());
        }
        SignatureReport.Builder formatted = report;
        // Policy failures are collected and added after the integrity reasons: they never stop the digests
        // and the signature value being checked, and never make a signature BROKEN.
        List<Reason> policy = new ArrayList<>();
        if (xades != null && xades.certRefs().stream().anyMatch(CertRef::legacy)) {
            legacy.add("SHA-1 digest of the signing certificate in the XAdES SigningCertificate");
        }
        // 4. The signer's certificate.
        List<X509Certificate> candidates = new ArrayList<>();
        if (xades != null && xades.hasSigningCertificate()) {
            for (X509Certificate c : certs) {
                if (xades.matchesSigningCertificate(c)) {
                    candidates.add(c);
                }
            }
            if (candidates.isEmpty() && !certs.isEmpty()) {
                policy.add(new Reason(ReasonCode.SIGNER_CERTIFICATE_MISMATCH, "the signed XAdES SigningCertificate "
                        + "does not match any certificate in the signature's KeyInfo"));
                candidates.addAll(leaves(certs));
            }
        } else {
            candidates.addAll(leaves(certs));
        }
        if (candidates.isEmpty()) {
            return formatted.indeterminate(ReasonCode.SIGNER_CERTIFICATE_MISSING, "the signature carries no certificate "
                    + "(ds:KeyInfo/X509Data); the signer cannot be identified").build();
        }
        // 5. Cryptographic check with Santuario, secure validation on.
        X509Certificate signer = null;
        XMLSignature xs = null;
        String failure = null;
        boolean valueOk = false;
        for (X509Certificate candidate : candidates) {
            try {
                XMLSignature attempt = new XMLSignature(sigEl, "", true, XmlSec.providerFor(smUri));
                if (externalUri != null) {
                    attempt.addResourceResolver(new DetachedResolver(externalUri, detached));
                }
                boolean ok = attempt.checkSignatureValue(candidate.getPublicKey());
                xs = attempt;
                signer = candidate;
                // Santuario checks the value first and the references only when the value is right.
                var results = attempt.getSignedInfo().getVerificationResults();
                if (ok || (results != null && !results.isEmpty())) {
                    valueOk = true;
                    break;
                }
            } catch (XMLSecurityException | RuntimeException e) {
                failure = e.getMessage();
                signer = candidate;
            }
        }
        if (!valueOk) {
            if (xs == null) {
                return formatted.invalid(ReasonCode.STRUCTURE_INVALID, "the signature could not be checked: " + failure).build();
            }
            if (signer != null && verifiesWithoutInheritedNamespaces(signedInfo, smUri, signer)) {
                formatted.invalid(ReasonCode.NON_CONFORMANT_SIGNATURE, "the signature does not verify under the XML "
                        + "Signature rules: the software that produced it canonicalised the document wrongly (it left out "
                        + "namespace declarations inherited from the enclosing elements, such as xmlns:xsi, which the "
                        + "canonicalisation method " + cm.getAttribute("Algorithm") + " must include). The signature "
                        + "value matches only under that wrong reading, so nothing proves the document is what was "
                        + "signed. Ask the sender to re-sign it with conformant software (or with exclusive "
                        + "canonicalisation, xml-exc-c14n)");
            } else {
                Reasons.integrityFirst(formatted, List.of(new Reason(ReasonCode.SIGNATURE_VALUE_INVALID, "the "
                        + "signature value does not match what was signed: the signature block was altered, or it was "
                        + "not made with the key of " + Certs.describe(signer))), policy);
            }
            formatted.signer(vn.govsdk.signing.verify.CertificateInfo.of(signer));
            return formatted.build();
        }
        List<String> altered = new ArrayList<>();
        try {
            for (int i = 0; i < xs.getSignedInfo().getLength(); i++) {
                if (!xs.getSignedInfo().getVerificationResult(i)) {
                    String uri = xs.getSignedInfo().item(i).getURI();
                    altered.add(uri == null || uri.isEmpty() ? "the whole document" : "'" + uri + "'");
                }
            }
        } catch (XMLSecurityException e) {
            return formatted.invalid(ReasonCode.STRUCTURE_INVALID, "the references could not be checked: " + e.getMessage()).build();
        }
        if (!altered.isEmpty()) {
            formatted.signer(vn.govsdk.signing.verify.CertificateInfo.of(signer));
            return Reasons.integrityFirst(formatted, List.of(new Reason(ReasonCode.CONTENT_ALTERED, "the signed content "
                    + "was changed after signing: " + String.join(", ", altered) + " no longer matches its digest")),
                    policy).build();
        }
        if (xades != null && !xades.matchesSigningCertificate(signer) && policy.isEmpty()) {
            policy.add(new Reason(ReasonCode.SIGNER_CERTIFICATE_MISMATCH, "the signed XAdES SigningCertificate does not "
                    + "name the certificate whose key verifies the signature"));
        }
        if (xades != null) {
            List<X509Certificate> available = new ArrayList<>(certs);
            available.addAll(validator.knownCertificates());
            if (xades.certRefs().size() > 1) {
                for (X509Certificate c : certs) {
                    if (xades.certRefs().stream().noneMatch(r -> r.matches(c))) {
                        policy.add(new Reason(ReasonCode.SIGNER_CERTIFICATE_MISMATCH, "the signer listed the "
                                + "certificates of its chain in the signed properties, but KeyInfo holds another one ('"
                                + Certs.subject(c) + "'): a certificate was altered or added"));
                        break;
                    }
                }
            }
            if (!xades.unmatchedChainRefs(available).isEmpty()) {
                policy.add(new Reason(ReasonCode.SIGNER_CERTIFICATE_MISMATCH, "the signer listed the certificates of "
                        + "its chain in the signed properties, but " + xades.unmatchedChainRefs(available).size()
                        + " of them are not in the signature any more (a certificate in KeyInfo was altered or removed)"));
            }
        }
        // 6. Signature wrapping: signed elements moved into the signature, or unsigned look-alikes.
        String wrapping = wrapping(dom, sigEl, referenced);
        if (wrapping != null) {
            return Reasons.integrityFirst(formatted, List.of(new Reason(ReasonCode.UNSAFE_CONTENT, wrapping)), policy)
                    .build();
        }
        // The enveloped-signature transform on a reference to a node inside the signature: W3C removes the
        // whole enclosing signature (so the node-set is empty), .NET SignedXml (and Santuario's subtree
        // path) only a signature that is a descendant of the referenced node.
        for (Element refEl : refs) {
            Element target = referenced.get(refEl);
            if (target == null || target == sigEl || !isInside(target, sigEl) || !hasEnvelopedTransform(refEl)) {
                continue;
            }
            String uri = refEl.getAttribute("URI");
            if (emptyDigestMatches(refEl)) {
                continue;
            }
            String what = "the reference '" + uri + "' points at the ds:" + target.getLocalName() + " inside the signature "
                    + "itself and applies the enveloped-signature transform";
            if (!dotNetEnveloped) {
                formatted.signer(vn.govsdk.signing.verify.CertificateInfo.of(signer));
                return formatted.invalid(ReasonCode.NON_CONFORMANT_SIGNATURE, what + ": under the W3C XML Signature "
                        + "rules that transform removes the whole signature, the ds:" + target.getLocalName() + " with it, so "
                        + "the digest of '" + uri + "' does not match (xmlsec1 fails it too). The producing software "
                        + "followed the .NET SignedXml reading, which removes only a signature nested inside the "
                        + "referenced node; accept that reading explicitly with the compatibility option "
                        + "dotNetEnvelopedSignatureTransform (CLI --compat-dotnet-enveloped-transform)").build();
            }
            formatted.warning(ReasonCode.NON_CONFORMANT_SIGNATURE, what + "; it verifies only under the .NET SignedXml "
                    + "reading of that transform, which the compatibility option dotNetEnvelopedSignatureTransform "
                    + "accepted (it does not verify under the W3C rules)");
        }
        formatted.intact(true);
        if (!policy.isEmpty()) {
            formatted.signer(vn.govsdk.signing.verify.CertificateInfo.of(signer));
            return Reasons.integrityFirst(formatted, List.of(), policy).build();
        }
        // 7. What was signed: the nodes now, the canonical bytes when the application asks for them.
        final XMLSignature verified = xs;
        for (int i = 0; i < refs.size(); i++) {
            Element refEl = refs.get(i);
            if (refEl == signedPropertiesRef) {
                continue;
            }
            final int index = i;
            String uri = refEl.getAttribute("URI");
            Document.StreamSource bytes = () -> {
                try {
                    return new java.io.ByteArrayInputStream(verified.getSignedInfo().getSignedContentItem(index));
                } catch (XMLSecurityException e) {
                    throw new IOException("the signed content cannot be canonicalised: " + e.getMessage(), e);
                }
            };
            if (uri.isEmpty()) {
                formatted.signedContent(new SignedContent("", Document.ofStream("signed-content.xml", Document.XML, bytes), dom));
            } else if (uri.startsWith("#")) {
                Element target = referenced.get(refEl);
                formatted.signedContent(new SignedContent(uri, Document.ofStream(uri.substring(1),
                        isBase64Object(target) ? Document.OCTET_STREAM : Document.XML, bytes), contentNode(target)));
            } else {
                formatted.signedContent(new SignedContent(uri, detached, null));
            }
        }
        // 8. Certificates, chain, revocation.
        if (xades == null) {
            formatted.signingTime(plainSigningTime(sigEl, referenced.values()));
        }
        // 8a. The signature timestamp: over the canonical ds:SignatureValue, checked by the CMS timestamp code.
        Instant proven = null;
        if (unsigned.timestamp() != null) {
            TimestampReport ts = signatureTimestamp(sigEl, unsigned, validationTime);
            formatted.timestamp(ts);
            if (ts.integrity() != vn.govsdk.signing.verify.Integrity.INTACT) {
                formatted.invalid(ReasonCode.CONTENT_ALTERED, "the XAdES signature timestamp is not valid for this "
                        + "signature: " + ts.reasons().stream().map(Reason::message).collect(java.util.stream.Collectors
                        .joining("; ")));
            } else {
                proven = CertificateValidator.provenTime(formatted, ts);
                if (proven != null && formatted.signingTime() != null && proven.isBefore(formatted.signingTime()
                        .minus(java.time.Duration.ofMinutes(5)))) {
                    formatted.invalid(ReasonCode.STRUCTURE_INVALID, "the signature timestamp (" + ts.time() + ") is "
                            + "earlier than the signing time the signature claims (" + formatted.signingTime()
                            + "); a timestamp cannot precede the signature it covers");
                }
            }
        }
        // 8b. The chain and revocation, with what the signature embeds (B-LT) tried before the network.
        validator.validate(formatted, signer, certs, formatted.signingTime(), validationTime, legacy, proven,
                unsigned.embedded());
        return formatted.build();
    }

    /** Verifies the signature timestamp against the canonical form of this signature's ds:SignatureValue. */
    private TimestampReport signatureTimestamp(Element sigEl, Unsigned unsigned, Instant validationTime) {
        Element sv = firstChild(sigEl, XmlSec.DS, "SignatureValue");
        byte[] stamped;
        try {
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            org.apache.xml.security.c14n.Canonicalizer.getInstance(unsigned.timestampC14n()).canonicalizeSubtree(sv, out);
            stamped = out.toByteArray();
        } catch (XMLSecurityException e) {
            return new TimestampReport(null, null, vn.govsdk.signing.verify.Integrity.BROKEN,
                    vn.govsdk.signing.verify.ChainStatus.UNTRUSTED, null, null, List.of(new Reason(
                    ReasonCode.STRUCTURE_INVALID, "the signature value cannot be canonicalised with "
                    + unsigned.timestampC14n() + ": " + e.getMessage())));
        }
        return cms.timestamp(unsigned.timestamp(), stamped, validationTime, unsigned.embedded());
    }

    /**
     * Checks that the unsigned properties belong to this signature: one QualifyingProperties (no
     * reference to properties elsewhere, no other QualifyingProperties targeting it), at most one
     * UnsignedProperties in it, and no XAdES unsigned property anywhere else in the signature.
     */
    static String unsignedStructure(org.w3c.dom.Document dom, Element sigEl, Element qp, String sigId) {
        if (descendants(sigEl, XmlSec.XADES, "QualifyingPropertiesReference").stream()
                .anyMatch(e -> enclosingSignature(e) == sigEl)) {
            return "the signature refers to XAdES qualifying properties elsewhere (QualifyingPropertiesReference), "
                    + "which is refused: its properties must be in the signature";
        }
        for (Element other : elementsNamed(dom, XmlSec.XADES, "QualifyingProperties")) {
            if (other == qp) {
                continue;
            }
            if (isInside(other, sigEl) && enclosingSignature(other) == sigEl) {
                return "the signature holds several XAdES QualifyingProperties; exactly one is accepted";
            }
            if (sigId != null && ("#" + sigId).equals(other.getAttribute("Target"))) {
                return "another XAdES QualifyingProperties outside this signature targets it ('#" + sigId
                        + "'); its unsigned properties cannot be told apart from this signature's";
            }
        }
        List<Element> ups = new ArrayList<>();
        for (Node c = qp.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (c instanceof Element e) {
                if (XmlSec.XADES.equals(e.getNamespaceURI()) && "UnsignedProperties".equals(e.getLocalName())) {
                    ups.add(e);
                } else if (!(XmlSec.XADES.equals(e.getNamespaceURI()) && "SignedProperties".equals(e.getLocalName()))) {
                    return "the XAdES QualifyingProperties hold <" + e.getNodeName() + ">, which is neither "
                            + "SignedProperties nor UnsignedProperties";
                }
            }
        }
        if (ups.size() > 1) {
            return "the XAdES QualifyingProperties hold " + ups.size() + " UnsignedProperties; at most one is accepted";
        }
        Element up = ups.isEmpty() ? null : ups.get(0);
        for (String name : new String[] {"UnsignedProperties", "UnsignedSignatureProperties", "SignatureTimeStamp",
                "CertificateValues", "RevocationValues", "EncapsulatedTimeStamp"}) {
            for (Element e : descendants(sigEl, XmlSec.XADES, name)) {
                // Properties of a signature nested in this one's content (an enveloped signed document) are its own.
                if (e != up && (up == null || !isInside(e, up)) && enclosingSignature(e) == sigEl) {
                    return "a XAdES " + name + " sits outside this signature's UnsignedProperties (moved from "
                            + "another signature?)";
                }
            }
        }
        return null;
    }

    /**
     * The XAdES unsigned signature properties this verifier reads: the signature timestamp and the
     * validation data (CertificateValues, RevocationValues, and xadesv141:TimeStampValidationData).
     */
    record Unsigned(byte[] timestamp, String timestampC14n, List<X509Certificate> certificates, List<byte[]> ocsp,
            List<byte[]> crls, boolean hasValidationData) {

        static final Unsigned NONE = new Unsigned(null, null, List.of(), List.of(), List.of(), false);

        /** The validation data for the verifier's embedded-data hook. */
        EmbeddedValidationData embedded() {
            return certificates.isEmpty() && ocsp.isEmpty() && crls.isEmpty() ? EmbeddedValidationData.NONE
                    : new EmbeddedValidationData(certificates, ocsp, crls);
        }

        static Unsigned read(Element qp) {
            Element up = firstChild(qp, XmlSec.XADES, "UnsignedProperties");
            if (up == null) {
                return NONE;
            }
            List<Element> usps = children(up, XmlSec.XADES, "UnsignedSignatureProperties");
            if (usps.size() > 1) {
                throw new IllegalArgumentException("UnsignedProperties hold " + usps.size()
                        + " UnsignedSignatureProperties; at most one is accepted");
            }
            if (usps.isEmpty()) {
                return NONE;
            }
            Element usp = usps.get(0);
            List<Element> stamps = children(usp, XmlSec.XADES, "SignatureTimeStamp");
            if (stamps.size() > 1) {
                throw new IllegalArgumentException("the signature carries " + stamps.size() + " signature timestamps; "
                        + "exactly one is accepted (a second one could be chosen to mislead)");
            }
            byte[] token = null;
            String c14n = null;
            if (!stamps.isEmpty()) {
                Element ts = stamps.get(0);
                for (Node c = ts.getFirstChild(); c != null; c = c.getNextSibling()) {
                    if (c instanceof Element e && !(XmlSec.DS.equals(e.getNamespaceURI())
                            && "CanonicalizationMethod".equals(e.getLocalName()))
                            && !(XmlSec.XADES.equals(e.getNamespaceURI()) && "EncapsulatedTimeStamp".equals(e.getLocalName()))) {
                        throw new IllegalArgumentException("the SignatureTimeStamp holds <" + e.getNodeName()
                                + ">; only ds:CanonicalizationMethod and one EncapsulatedTimeStamp are accepted");
                    }
                }
                List<Element> cms = children(ts, XmlSec.DS, "CanonicalizationMethod");
                if (cms.size() > 1) {
                    throw new IllegalArgumentException("the SignatureTimeStamp names " + cms.size()
                            + " canonicalization methods");
                }
                c14n = cms.isEmpty() ? DEFAULT_TIMESTAMP_C14N : cms.get(0).getAttribute("Algorithm");
                if (!SAFE_TRANSFORMS.contains(c14n) || c14n.endsWith("#base64") || c14n.endsWith("#enveloped-signature")) {
                    throw new IllegalArgumentException("the SignatureTimeStamp's canonicalization method " + c14n
                            + " is not one of the C14N methods");
                }
                List<Element> ets = children(ts, XmlSec.XADES, "EncapsulatedTimeStamp");
                if (ets.size() != 1) {
                    throw new IllegalArgumentException("the SignatureTimeStamp holds " + ets.size()
                            + " EncapsulatedTimeStamp elements; exactly one is accepted");
                }
                Element et = ets.get(0);
                if (et.hasAttribute("Encoding") && !et.getAttribute("Encoding").equals("http://uri.etsi.org/01903/v1.2.2#DER")) {
                    throw new IllegalArgumentException("the EncapsulatedTimeStamp's encoding " + et.getAttribute("Encoding")
                            + " is not DER");
                }
                token = decode(et, MAX_TOKEN_BYTES, "the signature timestamp");
            }
            Values values = new Values();
            values.read(usp);
            for (Element tsvd : children(usp, XmlSec.XADES141, "TimeStampValidationData")) {
                values.read(tsvd);
            }
            return new Unsigned(token, c14n, values.certs, values.ocsp, values.crls, values.present);
        }
    }

    /** Reads CertificateValues and RevocationValues, within the limits. */
    private static final class Values {
        final List<X509Certificate> certs = new ArrayList<>();
        final List<byte[]> ocsp = new ArrayList<>();
        final List<byte[]> crls = new ArrayList<>();
        boolean present;
        long total;

        void read(Element parent) {
            List<Element> cvs = children(parent, XmlSec.XADES, "CertificateValues");
            List<Element> rvs = children(parent, XmlSec.XADES, "RevocationValues");
            if (cvs.size() > 1 || rvs.size() > 1) {
                throw new IllegalArgumentException("<" + parent.getNodeName() + "> holds several CertificateValues or "
                        + "RevocationValues; at most one of each is accepted");
            }
            present |= !cvs.isEmpty() || !rvs.isEmpty();
            for (Element cv : cvs) {
                for (Element c : limit(children(cv, XmlSec.XADES, "EncapsulatedX509Certificate"), "certificates")) {
                    byte[] der = count(decode(c, MAX_TOKEN_BYTES, "an embedded certificate"));
                    try {
                        X509Certificate cert = Certs.parse(der);
                        if (!Arrays.equals(cert.getEncoded(), der)) {
                            throw new CertificateException("not DER");
                        }
                        certs.add(cert);
                    } catch (CertificateException e) {
                        throw new IllegalArgumentException("an EncapsulatedX509Certificate is not a DER certificate");
                    }
                }
            }
            for (Element rv : rvs) {
                for (Element cv : children(rv, XmlSec.XADES, "CRLValues")) {
                    for (Element c : limit(children(cv, XmlSec.XADES, "EncapsulatedCRLValue"), "CRLs")) {
                        crls.add(count(decode(c, MAX_CRL_BYTES, "an embedded CRL")));
                    }
                }
                for (Element ov : children(rv, XmlSec.XADES, "OCSPValues")) {
                    for (Element c : limit(children(ov, XmlSec.XADES, "EncapsulatedOCSPValue"), "OCSP responses")) {
                        ocsp.add(count(decode(c, MAX_TOKEN_BYTES, "an embedded OCSP response")));
                    }
                }
            }
            if (certs.size() > MAX_VALIDATION_VALUES || crls.size() > MAX_VALIDATION_VALUES
                    || ocsp.size() > MAX_VALIDATION_VALUES) {
                throw new IllegalArgumentException("the signature embeds more than " + MAX_VALIDATION_VALUES
                        + " certificates, CRLs or OCSP responses");
            }
        }

        private byte[] count(byte[] b) {
            total += b.length;
            if (total > MAX_VALIDATION_BYTES) {
                throw new IllegalArgumentException("the embedded validation data exceed " + MAX_VALIDATION_BYTES + " bytes");
            }
            return b;
        }

        private static List<Element> limit(List<Element> els, String what) {
            if (els.size() > MAX_VALIDATION_VALUES) {
                throw new IllegalArgumentException("the signature embeds " + els.size() + " " + what + ", more than the "
                        + MAX_VALIDATION_VALUES + " accepted");
            }
            return els;
        }
    }

    /** Decodes canonical base64 text of bounded size, checking the length before decoding. */
    private static byte[] decode(Element e, int maxBytes, String what) {
        String text = e.getTextContent();
        if (text.length() > (long) maxBytes * 4 / 3 + 4 + text.length() / 60 * 2 + 64) {
            throw new IllegalArgumentException(what + " is larger than the " + maxBytes + " bytes accepted");
        }
        try {
            byte[] b = Base64Strict.decode(text);
            if (b.length > maxBytes) {
                throw new IllegalArgumentException(what + " is larger than the " + maxBytes + " bytes accepted");
            }
            return b;
        } catch (IllegalArgumentException ex) {
            if (ex.getMessage() != null && ex.getMessage().contains("larger")) {
                throw ex;
            }
            throw new IllegalArgumentException(what + " is not canonical base64");
        }
    }

    /** The SigningTime of a plain XMLDSig signature: in a ds:Object of this signature that a reference signs. */
    static Instant plainSigningTime(Element sigEl, java.util.Collection<Element> signed) {
        for (Element obj : children(sigEl, XmlSec.DS, "Object")) {
            if (!signed.contains(obj)) {
                continue;
            }
            org.w3c.dom.NodeList st = obj.getElementsByTagNameNS("*", "SigningTime");
            if (st.getLength() != 1) {
                continue;
            }
            String text = st.item(0).getTextContent().trim();
            try {
                return java.time.OffsetDateTime.parse(text).toInstant();
            } catch (java.time.format.DateTimeParseException e) {
                try {
                    return java.time.LocalDateTime.parse(text).atZone(java.time.ZoneId.of("Asia/Ho_Chi_Minh")).toInstant();
                } catch (java.time.format.DateTimeParseException e2) {
                    return null;
                }
            }
        }
        return null;
    }

    /**
     * Diagnoses the canonicalisation error of some signing software: the signature value verifies over
     * SignedInfo canonicalised without the namespace declarations it inherits (exclusive C14N).
     */
    private static boolean verifiesWithoutInheritedNamespaces(Element signedInfo, String smUri, X509Certificate signer) {
        String jca = smUri == null ? null : smUri.endsWith("#rsa-sha1") ? "SHA1withRSA" : smUri.endsWith("#rsa-sha256")
                ? "SHA256withRSA" : smUri.endsWith("#rsa-sha384") ? "SHA384withRSA" : smUri.endsWith("#rsa-sha512")
                ? "SHA512withRSA" : null;
        Element sv = firstChild((Element) signedInfo.getParentNode(), XmlSec.DS, "SignatureValue");
        if (jca == null || sv == null) {
            return false;
        }
        try {
            java.io.ByteArrayOutputStream c14n = new java.io.ByteArrayOutputStream();
            org.apache.xml.security.c14n.Canonicalizer.getInstance(
                    org.apache.xml.security.c14n.Canonicalizer.ALGO_ID_C14N_EXCL_OMIT_COMMENTS).canonicalizeSubtree(signedInfo, c14n);
            java.security.Signature sig = java.security.Signature.getInstance(jca);
            sig.initVerify(signer.getPublicKey());
            sig.update(c14n.toByteArray());
            return sig.verify(Base64Strict.decode(sv.getTextContent()));
        } catch (org.apache.xml.security.exceptions.XMLSecurityException | java.security.GeneralSecurityException
                | IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean isInside(Node n, Element ancestor) {
        for (Node p = n.getParentNode(); p != null; p = p.getParentNode()) {
            if (p == ancestor) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasEnvelopedTransform(Element ref) {
        Element transforms = firstChild(ref, XmlSec.DS, "Transforms");
        return transforms != null && children(transforms, XmlSec.DS, "Transform").stream()
                .anyMatch(t -> t.getAttribute("Algorithm").endsWith("#enveloped-signature"));
    }

    /** Whether the reference's digest is that of the empty octet stream (what the W3C reading yields). */
    private static boolean emptyDigestMatches(Element ref) {
        Element dm = firstChild(ref, XmlSec.DS, "DigestMethod");
        Element dv = firstChild(ref, XmlSec.DS, "DigestValue");
        if (dm == null || dv == null) {
            return false;
        }
        String alg = dm.getAttribute("Algorithm");
        String jca = alg.endsWith("#sha1") ? "SHA-1" : alg.endsWith("sha256") ? "SHA-256"
                : alg.endsWith("sha384") ? "SHA-384" : alg.endsWith("sha512") ? "SHA-512" : null;
        if (jca == null) {
            return false;
        }
        try {
            byte[] empty = java.security.MessageDigest.getInstance(jca).digest();
            return java.security.MessageDigest.isEqual(empty, Base64Strict.decode(dv.getTextContent()));
        } catch (java.security.NoSuchAlgorithmException | IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean isBase64Object(Element target) {
        return target != null && "Object".equals(target.getLocalName()) && XmlSec.DS.equals(target.getNamespaceURI())
                && "http://www.w3.org/2000/09/xmldsig#base64".equals(target.getAttribute("Encoding"));
    }

    /** For an enveloping ds:Object holding one element, the element itself is the signed node. */
    private static Node contentNode(Element target) {
        if (target != null && "Object".equals(target.getLocalName()) && XmlSec.DS.equals(target.getNamespaceURI())) {
            List<Element> kids = new ArrayList<>();
            for (Node c = target.getFirstChild(); c != null; c = c.getNextSibling()) {
                if (c instanceof Element e) {
                    kids.add(e);
                }
            }
            if (kids.size() == 1) {
                return kids.get(0);
            }
        }
        return target;
    }

    /** The certificates that issue no other certificate of the list (all of them if each issues another). */
    private static List<X509Certificate> leaves(List<X509Certificate> certs) {
        List<X509Certificate> leaves = new ArrayList<>();
        for (X509Certificate c : certs) {
            boolean issuesAnother = certs.stream().anyMatch(o -> o != c
                    && o.getIssuerX500Principal().equals(c.getSubjectX500Principal()) && !o.equals(c));
            if (!issuesAnother) {
                leaves.add(c);
            }
        }
        return leaves.isEmpty() ? certs : leaves;
    }

    private static boolean looksXades(Element sigEl, Map<String, List<Element>> ids) {
        Element si = firstChild(sigEl, XmlSec.DS, "SignedInfo");
        if (si == null) {
            return false;
        }
        for (Element ref : children(si, XmlSec.DS, "Reference")) {
            if (XmlSec.SIGNED_PROPERTIES_TYPE.equals(ref.getAttribute("Type"))) {
                return true;
            }
            String uri = ref.getAttribute("URI");
            List<Element> hits = uri.startsWith("#") ? ids.get(uri.substring(1)) : null;
            if (hits != null && hits.size() == 1 && "SignedProperties".equals(hits.get(0).getLocalName())
                    && XmlSec.XADES.equals(hits.get(0).getNamespaceURI())) {
                return true;
            }
        }
        return false;
    }

    /** Checks that the signed properties belong to this signature. */
    private static String xadesStructure(Element sigEl, Element sp, String sigId) {
        if (!"SignedProperties".equals(sp.getLocalName()) || !XmlSec.XADES.equals(sp.getNamespaceURI())) {
            return "the reference typed as XAdES SignedProperties points to <" + sp.getNodeName() + ">";
        }
        Node qp = sp.getParentNode();
        if (!(qp instanceof Element q) || !"QualifyingProperties".equals(q.getLocalName())
                || !XmlSec.XADES.equals(q.getNamespaceURI())) {
            return "the XAdES SignedProperties are not inside QualifyingProperties";
        }
        Node obj = qp.getParentNode();
        if (!(obj instanceof Element o) || !"Object".equals(o.getLocalName()) || !XmlSec.DS.equals(o.getNamespaceURI())
                || o.getParentNode() != sigEl) {
            return "the XAdES properties are not in a ds:Object of this signature (moved from another signature?)";
        }
        String target = q.getAttribute("Target");
        if (sigId == null || !target.equals("#" + sigId)) {
            return "the XAdES QualifyingProperties target '" + target + "', not this signature"
                    + (sigId == null ? " (which has no Id)" : " ('#" + sigId + "')");
        }
        return null;
    }

    private static String wrapping(org.w3c.dom.Document dom, Element sigEl, Map<Element, Element> referenced) {
        for (Element target : referenced.values()) {
            if (target == null || target == dom.getDocumentElement()) {
                continue;
            }
            Element enclosingSignature = enclosingSignature(target);
            boolean inOwnObject = enclosingSignature == sigEl && insideObject(target, sigEl);
            if (enclosingSignature != null && !inOwnObject) {
                return "the signed element <" + target.getNodeName() + "> sits inside another signature; "
                        + "it was moved there (signature wrapping)";
            }
            if (inOwnObject) {
                if ("QualifyingProperties".equals(target.getParentNode().getLocalName())) {
                    continue;
                }
                Node content = contentNode(target);
                if (content instanceof Element ce && existsOutsideSignatures(dom, ce)) {
                    return "the signed <" + ce.getNodeName() + "> sits inside the signature while another <"
                            + ce.getNodeName() + "> is in the document: the signed element was moved (signature wrapping)";
                }
                continue;
            }
            String path = namePath(target);
            for (Element other : elementsNamed(dom, target.getNamespaceURI(), target.getLocalName())) {
                if (other == target || enclosingSignature(other) != null || covered(other, referenced.values())) {
                    continue;
                }
                if (namePath(other).equals(path)) {
                    return "an unsigned copy of the signed element <" + target.getNodeName() + "> is in the document at "
                            + path + "; an application could read it instead of the signed one (signature wrapping)";
                }
            }
        }
        return null;
    }

    private static boolean covered(Element e, java.util.Collection<Element> targets) {
        for (Node n = e; n != null; n = n.getParentNode()) {
            if (targets.contains(n)) {
                return true;
            }
        }
        return false;
    }

    private static boolean existsOutsideSignatures(org.w3c.dom.Document dom, Element e) {
        for (Element other : elementsNamed(dom, e.getNamespaceURI(), e.getLocalName())) {
            if (other != e && enclosingSignature(other) == null) {
                return true;
            }
        }
        return false;
    }

    private static List<Element> elementsNamed(org.w3c.dom.Document dom, String ns, String local) {
        List<Element> out = new ArrayList<>();
        var nl = ns == null ? dom.getElementsByTagName(local) : dom.getElementsByTagNameNS(ns, local);
        for (int i = 0; i < nl.getLength(); i++) {
            Element e = (Element) nl.item(i);
            if (ns == null && e.getNamespaceURI() != null) {
                continue;
            }
            out.add(e);
        }
        return out;
    }

    private static Element enclosingSignature(Node n) {
        for (Node p = n.getParentNode(); p != null; p = p.getParentNode()) {
            if (p instanceof Element e && "Signature".equals(e.getLocalName()) && XmlSec.DS.equals(e.getNamespaceURI())) {
                return e;
            }
        }
        return null;
    }

    private static boolean insideObject(Node n, Element sigEl) {
        for (Node p = n; p != null && p != sigEl; p = p.getParentNode()) {
            if (p instanceof Element e && "Object".equals(e.getLocalName()) && XmlSec.DS.equals(e.getNamespaceURI())
                    && e.getParentNode() == sigEl) {
                return true;
            }
        }
        return false;
    }

    private static String namePath(Element e) {
        StringBuilder s = new StringBuilder();
        for (Node n = e; n instanceof Element el; n = n.getParentNode()) {
            s.insert(0, "/{" + el.getNamespaceURI() + "}" + el.getLocalName());
        }
        return s.toString();
    }

    private static String names(List<Element> els) {
        List<String> out = new ArrayList<>();
        for (Element e : els) {
            out.add("<" + e.getNodeName() + ">");
        }
        return String.join(", ", out);
    }

    static Map<String, List<Element>> collectIds(Element root) {
        Map<String, List<Element>> out = new HashMap<>();
        collect(root, out);
        return out;
    }

    private static void collect(Element e, Map<String, List<Element>> out) {
        NamedNodeMap attrs = e.getAttributes();
        for (int i = 0; i < attrs.getLength(); i++) {
            Attr a = (Attr) attrs.item(i);
            if (a.getNamespaceURI() != null) {
                continue;
            }
            String n = a.getLocalName() == null ? a.getName() : a.getLocalName();
            if (n.equals("Id") || n.equals("ID") || n.equals("id")) {
                out.computeIfAbsent(a.getValue(), k -> new ArrayList<>()).add(e);
            }
        }
        for (Node c = e.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (c instanceof Element ce) {
                collect(ce, out);
            }
        }
    }

    private static Attr idAttribute(Element e, String value) {
        for (String n : new String[] {"Id", "ID", "id"}) {
            Attr a = e.getAttributeNodeNS(null, n);
            if (a != null && a.getValue().equals(value)) {
                return a;
            }
        }
        return null;
    }

    static Element firstChild(Element parent, String ns, String local) {
        for (Node c = parent.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (c instanceof Element e && local.equals(e.getLocalName()) && ns.equals(e.getNamespaceURI())) {
                return e;
            }
        }
        return null;
    }

    static List<Element> children(Element parent, String ns, String local) {
        List<Element> out = new ArrayList<>();
        for (Node c = parent.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (c instanceof Element e && local.equals(e.getLocalName()) && ns.equals(e.getNamespaceURI())) {
                out.add(e);
            }
        }
        return out;
    }

    static List<Element> descendants(Element parent, String ns, String local) {
        List<Element> out = new ArrayList<>();
        var nl = parent.getElementsByTagNameNS(ns, local);
        for (int i = 0; i < nl.getLength(); i++) {
            out.add((Element) nl.item(i));
        }
        return out;
    }

    /** Serves the caller's detached document for the one external reference; never fetches anything. */
    private static final class DetachedResolver extends ResourceResolverSpi {
        private final String uri;
        private final Document document;

        DetachedResolver(String uri, Document document) {
            this.uri = uri;
            this.document = document;
        }

        @Override
        public XMLSignatureInput engineResolveURI(ResourceResolverContext context) {
            try {
                InputStream in = document.openStream();
                XMLSignatureInput input = new XMLSignatureStreamInput(in);
                input.setSourceURI(uri);
                return input;
            } catch (IOException e) {
                throw new IllegalStateException("the detached document cannot be read: " + e.getMessage(), e);
            }
        }

        @Override
        public boolean engineCanResolveURI(ResourceResolverContext context) {
            return uri.equals(context.uriToResolve);
        }
    }

    /** The XAdES signed properties that matter for B-B. */
    record Xades(Instant signingTime, List<CertRef> certRefs, List<String> dataObjectReferences,
            boolean hasSignatureTimestamp) {

        boolean hasSigningCertificate() {
            return !certRefs.isEmpty();
        }

        /** The first reference names the signer's certificate. */
        boolean matchesSigningCertificate(X509Certificate cert) {
            return !certRefs.isEmpty() && certRefs.get(0).matches(cert);
        }

        /** Returns the further references (the signer's chain) that no available certificate matches. */
        List<CertRef> unmatchedChainRefs(List<X509Certificate> available) {
            List<CertRef> missing = new ArrayList<>();
            for (CertRef r : certRefs.subList(Math.min(1, certRefs.size()), certRefs.size())) {
                if (available.stream().noneMatch(r::matches)) {
                    missing.add(r);
                }
            }
            return missing;
        }

        static Xades read(Element sp) {
            Element ssp = firstChild(sp, XmlSec.XADES, "SignedSignatureProperties");
            Instant time = null;
            List<CertRef> refs = new ArrayList<>();
            if (ssp != null) {
                Element st = firstChild(ssp, XmlSec.XADES, "SigningTime");
                if (st != null) {
                    try {
                        time = OffsetDateTime.parse(st.getTextContent().trim()).toInstant();
                    } catch (DateTimeParseException e) {
                        throw new IllegalArgumentException("SigningTime '" + st.getTextContent() + "' is not an xsd:dateTime with a zone");
                    }
                }
                for (String name : new String[] {"SigningCertificateV2", "SigningCertificate"}) {
                    Element sc = firstChild(ssp, XmlSec.XADES, name);
                    if (sc == null) {
                        continue;
                    }
                    for (Element cert : children(sc, XmlSec.XADES, "Cert")) {
                        Element cd = firstChild(cert, XmlSec.XADES, "CertDigest");
                        if (cd == null) {
                            throw new IllegalArgumentException(name + " has no CertDigest");
                        }
                        Element dm = firstChild(cd, XmlSec.DS, "DigestMethod");
                        Element dv = firstChild(cd, XmlSec.DS, "DigestValue");
                        String alg;
                        try {
                            alg = DigestAlgorithm.fromName(dm == null ? null : dm.getAttribute("Algorithm")).jcaName();
                        } catch (InvalidInputException e) {
                            if (dm == null || !XmlSec.SHA1.equals(dm.getAttribute("Algorithm"))) {
                                throw new IllegalArgumentException("the signing-certificate digest: " + e.rule());
                            }
                            alg = "SHA-1";
                        }
                        byte[] value = Base64Strict.decode(dv == null ? "" : dv.getTextContent());
                        java.util.function.Predicate<X509Certificate> is = null;
                        Element isv2 = firstChild(cert, XmlSec.XADES, "IssuerSerialV2");
                        Element isv1 = firstChild(cert, XmlSec.XADES, "IssuerSerial");
                        if (isv2 != null) {
                            IssuerSerial parsed = IssuerSerial.getInstance(ASN1Sequence.getInstance(
                                    Base64Strict.decode(isv2.getTextContent())));
                            List<byte[]> names = new ArrayList<>();
                            for (GeneralName g : parsed.getIssuer().getNames()) {
                                if (g.getTagNo() == GeneralName.directoryName) {
                                    try {
                                        names.add(g.getName().toASN1Primitive().getEncoded(org.bouncycastle.asn1.ASN1Encoding.DER));
                                    } catch (IOException e) {
                                        throw new IllegalArgumentException("IssuerSerialV2 cannot be read");
                                    }
                                }
                            }
                            is = c -> parsed.getSerial().getValue().equals(c.getSerialNumber())
                                    && names.stream().anyMatch(n -> Arrays.equals(n, c.getIssuerX500Principal().getEncoded()));
                        } else if (isv1 != null) {
                            Element sn = firstChild(isv1, XmlSec.DS, "X509SerialNumber");
                            java.math.BigInteger serial = new java.math.BigInteger(sn == null ? "-1" : sn.getTextContent().trim());
                            is = c -> c.getSerialNumber().equals(serial);
                        }
                        refs.add(new CertRef(alg, value, is, new java.util.IdentityHashMap<>()));
                    }
                }
            }
            List<String> dofs = new ArrayList<>();
            Element sdop = firstChild(sp, XmlSec.XADES, "SignedDataObjectProperties");
            if (sdop != null) {
                for (Element dof : children(sdop, XmlSec.XADES, "DataObjectFormat")) {
                    dofs.add(dof.getAttribute("ObjectReference"));
                }
            }
            boolean ts = false;
            Node qp = sp.getParentNode();
            if (qp instanceof Element q) {
                ts = !descendants(q, XmlSec.XADES, "SignatureTimeStamp").isEmpty();
            }
            return new Xades(time, refs, dofs, ts);
        }
    }

    record CertRef(String digestJca, byte[] value, java.util.function.Predicate<X509Certificate> issuerSerial,
            Map<X509Certificate, byte[]> digests) {
        boolean legacy() {
            return "SHA-1".equals(digestJca);
        }

        boolean matches(X509Certificate cert) {
            byte[] d = digests.computeIfAbsent(cert, c -> {
                try {
                    return java.security.MessageDigest.getInstance(digestJca).digest(Certs.encoded(c));
                } catch (java.security.NoSuchAlgorithmException e) {
                    throw new IllegalStateException(digestJca + " is not available", e);
                }
            });
            return Arrays.equals(d, value) && (issuerSerial == null || issuerSerial.test(cert));
        }
    }
}

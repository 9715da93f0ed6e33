package vn.govsdk.signing.internal.verify;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1InputStream;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Set;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.CMSObjectIdentifiers;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.cms.IssuerAndSerialNumber;
import org.bouncycastle.asn1.cms.SignedData;
import org.bouncycastle.asn1.cms.SignerIdentifier;
import org.bouncycastle.asn1.cms.SignerInfo;
import org.bouncycastle.asn1.cms.Time;
import org.bouncycastle.asn1.ess.ESSCertID;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificate;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.RSASSAPSSparams;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import vn.govsdk.core.InvalidInputException;
import vn.govsdk.signing.DigestAlgorithm;
import vn.govsdk.signing.Document;
import vn.govsdk.signing.SignatureAlgorithm;
import vn.govsdk.signing.SignatureFormat;
import vn.govsdk.signing.SignatureLevel;
import vn.govsdk.signing.internal.Certs;
import org.bouncycastle.asn1.tsp.TSTInfo;
import vn.govsdk.signing.verify.CertificateInfo;
import vn.govsdk.signing.verify.ChainStatus;
import vn.govsdk.signing.verify.TimestampReport;
import vn.govsdk.signing.verify.Reason;
import vn.govsdk.signing.verify.ReasonCode;
import vn.govsdk.signing.verify.SignatureReport;
import vn.govsdk.signing.verify.SignedContent;

/**
 * Verifies CMS signed data (CAdES and PKCS#7), attached or detached. The structure is read strictly
 * (versions, algorithm parameters, the signer's digest algorithm listed in the signed data), detached
 * content is hashed as a stream in one pass for every signer, and each signer gets its own report.
 */
public final class CmsVerifier {

    private static final int BUFFER = 64 * 1024;

    private final CertificateValidator validator;

    /**
     * Creates the verifier.
     *
     * @param validator the common certificate checks
     */
    public CmsVerifier(CertificateValidator validator) {
        this.validator = validator;
    }

    /**
     * Verifies a CMS document.
     *
     * @param signed the signature (DER, or PEM {@code PKCS7}/{@code CMS})
     * @param detached the detached content, or {@code null}
     * @param validationTime now
     * @return the reports
     */
    public FormatResult verify(Document signed, Document detached, Instant validationTime) {
        return verify(signed, detached, validationTime, null);
    }

    /**
     * How a CMS signature is embedded in another format (a PDF signature dictionary).
     *
     * @param subFilter the PDF {@code /SubFilter}, for example {@code ETSI.CAdES.detached}
     * @param claimedTime the signing time the container claims ({@code /M}), used when the CMS has none
     */
    public record Embedding(String subFilter, Instant claimedTime) {
    }

    /**
     * Verifies CMS signed data embedded in another format.
     *
     * @param signed the signature
     * @param detached the signed content
     * @param validationTime now
     * @param embedding how it is embedded, or {@code null} for a plain CMS document
     * @return the reports
     */
    public FormatResult verify(Document signed, Document detached, Instant validationTime, Embedding embedding) {
        return verify(signed, detached, validationTime, embedding, null, EmbeddedValidationData.NONE);
    }

    /**
     * Verifies CMS signed data with validation data found outside it (a PDF's DSS dictionary), in addition
     * to what the CMS itself embeds ({@code SignedData.certificates}/{@code crls}, and the signer's
     * {@code certValues}/{@code revocationValues}). The signer's chain and the signature timestamp's
     * authority chain are both checked with it.
     *
     * @param signed the signature
     * @param detached the signed content, or {@code null}
     * @param validationTime now
     * @param embedding how it is embedded, or {@code null} for a plain CMS document
     * @param extra validation data from the container, {@link EmbeddedValidationData#NONE} if none
     * @return the reports
     */
    public FormatResult verify(Document signed, Document detached, Instant validationTime, Embedding embedding,
            EmbeddedValidationData extra) {
        return verify(signed, detached, validationTime, embedding, null, extra == null ? EmbeddedValidationData.NONE : extra);
    }

    /**
     * Verifies CMS signed data: a signature when {@code tokenTime} is null, else an RFC 3161 token stating
     * that {@code genTime}, whose signer is then validated as a timestamp authority at that time and whose
     * own unsigned attributes are not searched for timestamps.
     */
    private FormatResult verify(Document signed, Document detached, Instant validationTime, Embedding embedding,
            Instant tokenTime, EmbeddedValidationData outer) {
        SignedData sd;
        try {
            sd = parse(signed.bytes());
        } catch (IllegalArgumentException | IOException | ClassCastException e) {
            return FormatResult.failed(new Reason(ReasonCode.MALFORMED, "the document is not CMS signed data (PKCS#7): "
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage())));
        }
        ContentInfo encap = sd.getEncapContentInfo();
        ASN1OctetString eContent = encap.getContent() == null ? null : ASN1OctetString.getInstance(encap.getContent());
        List<X509Certificate> certs = new ArrayList<>();
        if (sd.getCertificates() != null) {
            // Certificates are read from their bytes as they are in the file (re-encoding could hide a change).
            List<byte[]> raw = DerWalk.certificates(signedBytes(signed));
            int i = 0;
            for (ASN1Encodable e : sd.getCertificates()) {
                try {
                    byte[] der = raw != null && i < raw.size() ? raw.get(i) : e.toASN1Primitive().getEncoded(ASN1Encoding.DER);
                    X509Certificate c = Certs.parse(der);
                    if (!Arrays.equals(c.getEncoded(), der)) {
                        throw new CertificateException("not DER");
                    }
                    certs.add(c);
                    i++;
                } catch (CertificateException | IOException | RuntimeException ex) {
                    return FormatResult.failed(new Reason(ReasonCode.MALFORMED, "a certificate in the signature cannot "
                            + "be read; the signature was damaged or altered"));
                }
            }
        }
        if (sd.getCRLs() != null) {
            for (ASN1Encodable e : sd.getCRLs()) {
                try {
                    if (!(e.toASN1Primitive() instanceof org.bouncycastle.asn1.ASN1TaggedObject)) {
                        org.bouncycastle.asn1.x509.CertificateList.getInstance(e);
                        java.security.cert.CertificateFactory.getInstance("X.509").generateCRL(
                                new ByteArrayInputStream(e.toASN1Primitive().getEncoded(ASN1Encoding.DER)));
                    }
                } catch (Exception ex) {
                    return FormatResult.failed(new Reason(ReasonCode.MALFORMED, "the revocation information in the "
                            + "signature is not a CRL; the signature was damaged or altered"));
                }
            }
        }
        List<SignerInfo> signers = new ArrayList<>();
        for (ASN1Encodable e : sd.getSignerInfos()) {
            signers.add(SignerInfo.getInstance(e));
        }
        if (signers.isEmpty()) {
            return FormatResult.failed(new Reason(ReasonCode.NO_SIGNATURE, "the CMS signed data holds no signer"));
        }
        // RFC 5652 version numbers and the digest-algorithm list are not what the signature protects: a
        // departure never makes a signature BROKEN and never stops the check. It makes it INVALID
        // (NON_CONFORMANT_SIGNATURE), except the common producer slip of version 1 beside a signer named by
        // subject key identifier, which is a warning.
        Departure structure = checkStructure(sd, signers);
        boolean isDetached = eContent == null;
        if (!isDetached && detached != null) {
            return FormatResult.failed(new Reason(ReasonCode.STRUCTURE_INVALID, "the signature holds its content "
                    + "(attached), but detached content was also given; verify it alone"));
        }
        // One pass over the content for every digest and raw signature.
        Map<String, MessageDigest> digests = new HashMap<>();
        List<Check> checks = new ArrayList<>();
        for (SignerInfo si : signers) {
            checks.add(new Check(si, embedding, tokenTime, outer.merge(embeddedData(sd, si)), structure));
        }
        for (Check c : checks) {
            c.prepare(certs);
            if (c.digestJca != null) {
                digests.computeIfAbsent(c.digestJca, CmsVerifier::newDigest);
            }
        }
        if (isDetached && detached == null) {
            List<SignatureReport> reports = new ArrayList<>();
            for (Check c : checks) {
                SignatureReport.Builder b = c.report();
                c.conformance(b);
                b.invalid(ReasonCode.DETACHED_CONTENT_MISSING, "the signature is detached (.p7s): give the signed "
                        + "document to the verifier as the detached content");
                reports.add(b.build());
            }
            return new FormatResult(reports, List.of());
        }
        try (InputStream in = isDetached ? detached.openStream() : new ByteArrayInputStream(eContent.getOctets())) {
            byte[] buf = new byte[BUFFER];
            int n;
            while ((n = in.read(buf)) > 0) {
                for (MessageDigest md : digests.values()) {
                    md.update(buf, 0, n);
                }
                for (Check c : checks) {
                    c.updateRaw(buf, n);
                }
            }
        } catch (IOException e) {
            return FormatResult.failed(new Reason(ReasonCode.MALFORMED, "the detached content cannot be read: " + e.getMessage()));
        }
        Map<String, byte[]> results = new HashMap<>();
        digests.forEach((k, v) -> results.put(k, v.digest()));
        Document content = isDetached ? detached
                : Document.of(eContent.getOctets(), signed.name() + ".content", Document.OCTET_STREAM);
        List<SignatureReport> reports = new ArrayList<>();
        for (Check c : checks) {
            reports.add(c.finish(results, encap.getContentType(), content, isDetached, certs, validationTime));
        }
        return new FormatResult(reports, List.of());
    }

    private static MessageDigest newDigest(String jcaName) {
        try {
            return MessageDigest.getInstance(jcaName);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(jcaName + " is not available", e);
        }
    }

    private static byte[] signedBytes(Document signed) {
        try {
            return pemToDer(signed.bytes());
        } catch (IOException e) {
            return signed.bytes();
        }
    }

    static byte[] pemToDer(byte[] bytes) throws IOException {
        String head = new String(bytes, 0, Math.min(bytes.length, 40), java.nio.charset.StandardCharsets.US_ASCII);
        if (!head.startsWith("-----BEGIN")) {
            return bytes;
        }
        String text = new String(bytes, java.nio.charset.StandardCharsets.US_ASCII);
        int start = text.indexOf('\n');
        int end = text.indexOf("-----END");
        if (start < 0 || end < 0) {
            throw new IOException("a PEM block is not closed");
        }
        return Base64.getMimeDecoder().decode(text.substring(start + 1, end));
    }

    static SignedData parse(byte[] bytes) throws IOException {
        byte[] der = bytes;
        String head = new String(bytes, 0, Math.min(bytes.length, 40), java.nio.charset.StandardCharsets.US_ASCII);
        if (head.startsWith("-----BEGIN")) {
            String text = new String(bytes, java.nio.charset.StandardCharsets.US_ASCII);
            int start = text.indexOf('\n');
            int end = text.indexOf("-----END");
            if (start < 0 || end < 0) {
                throw new IOException("a PEM block is not closed");
            }
            der = Base64.getMimeDecoder().decode(text.substring(start + 1, end));
        }
        ByteArrayInputStream source = new ByteArrayInputStream(der);
        try (ASN1InputStream in = new ASN1InputStream(source, der.length)) {
            ASN1Primitive p;
            try {
                p = in.readObject();
            } catch (IOException | IllegalStateException e) {
                throw new IOException("the signed data is not well-formed DER/BER: " + e.getMessage(), e);
            }
            if (p == null) {
                throw new IOException("empty document");
            }
            // Zero padding after the signature (a .p7s cut from a fixed-size field) is no content; anything
            // else after it is.
            byte[] rest = source.readAllBytes();
            for (int i = 0; i < rest.length; i++) {
                if (rest[i] != 0) {
                    throw new IOException(rest.length + " bytes follow the end of the signed data (" + (der.length
                            - rest.length) + " bytes), and they are not zero padding");
                }
            }
            ContentInfo ci = ContentInfo.getInstance(p);
            if (!CMSObjectIdentifiers.signedData.equals(ci.getContentType())) {
                throw new IOException("content type " + ci.getContentType() + " is not signed data");
            }
            return SignedData.getInstance(ci.getContent());
        }
    }

    /**
     * A departure from RFC 5652 outside what the signature protects.
     *
     * @param message what departs
     * @param warningOnly {@code true} for version 1 where a subject-key-identifier signer needs 3
     */
    private record Departure(String message, boolean warningOnly) {
    }

    /** RFC 5652 5.1 and 5.3: versions, and the signers' digest algorithms listed in the signed data. */
    private static Departure checkStructure(SignedData sd, List<SignerInfo> signers) {
        Set<ASN1ObjectIdentifier> listed = new LinkedHashSet<>();
        for (ASN1Encodable e : sd.getDigestAlgorithms()) {
            AlgorithmIdentifier a = AlgorithmIdentifier.getInstance(e);
            if (!nullOrAbsent(a)) {
                return new Departure("a digest algorithm of the signed data has unexpected parameters", false);
            }
            listed.add(a.getAlgorithm());
        }
        boolean anyV3 = false;
        for (SignerInfo si : signers) {
            int expected = si.getSID().isTagged() ? 3 : 1;
            anyV3 |= expected == 3;
            if (si.getVersion().intValueExact() != expected) {
                return new Departure("a signer has version " + si.getVersion() + " but must have version " + expected, false);
            }
            if (!listed.contains(si.getDigestAlgorithm().getAlgorithm())) {
                return new Departure("a signer's digest algorithm is not listed in the signed data", false);
            }
        }
        boolean otherCerts = false;
        if (sd.getCertificates() != null) {
            for (ASN1Encodable e : sd.getCertificates()) {
                otherCerts |= e.toASN1Primitive() instanceof org.bouncycastle.asn1.ASN1TaggedObject;
            }
        }
        boolean otherRevocationInfo = false;
        if (sd.getCRLs() != null) {
            for (ASN1Encodable e : sd.getCRLs()) {
                otherRevocationInfo |= e.toASN1Primitive() instanceof org.bouncycastle.asn1.ASN1TaggedObject;
            }
        }
        // RFC 5652 5.1: version 5 with "other" revocation information (an OCSP response, RFC 5940).
        int expected = otherRevocationInfo ? 5 : otherCerts ? 4
                : (anyV3 || !CMSObjectIdentifiers.data.equals(sd.getEncapContentInfo().getContentType())) ? 3 : 1;
        int actual = sd.getVersion().intValueExact();
        if (actual != expected && !(otherCerts && actual >= 4)) {
            return new Departure("the signed data has version " + actual + " but must have version " + expected,
                    actual == 1 && expected == 3 && anyV3 && CMSObjectIdentifiers.data.equals(
                            sd.getEncapContentInfo().getContentType()));
        }
        return null;
    }

    private static boolean nullOrAbsent(AlgorithmIdentifier a) {
        return a.getParameters() == null || DERNull.INSTANCE.equals(a.getParameters());
    }

    /** The state of one signer's verification. */
    private final class Check {
        private final SignerInfo si;
        /** The permitted digest algorithm, or null when the signer used a legacy one (SHA-1). */
        private DigestAlgorithm digest;
        /** The JCA name of the signer's digest algorithm, permitted or legacy; null when it cannot be used. */
        private String digestJca;
        /** The permitted signature algorithm, or null when the signer used a legacy one. */
        private SignatureAlgorithm algorithm;
        /** The JCA name of a legacy signature algorithm ({@code SHA1withRSA}), when {@link #algorithm} is null. */
        private String legacyJca;
        /** Legacy algorithms found, judged by the algorithm policy once integrity is known. */
        private final List<String> legacy = new ArrayList<>();
        /** A departure from RFC 5652 that does not touch what is signed, or null. */
        private final Departure structure;
        private String algorithmName;
        private String problem;
        private ReasonCode problemCode;
        private X509Certificate signer;
        private Signature raw;
        private final Embedding embedding;
        /** The genTime of the token being verified, or null when this is a signature, not a token. */
        private final Instant tokenTime;
        private final EmbeddedValidationData data;

        Check(SignerInfo si, Embedding embedding, Instant tokenTime, EmbeddedValidationData data, Departure structure) {
            this.si = si;
            this.structure = structure;
            this.embedding = embedding;
            this.tokenTime = tokenTime;
            this.data = data;
        }

        void prepare(List<X509Certificate> certs) {
            AlgorithmIdentifier da = si.getDigestAlgorithm();
            String oid = da.getAlgorithm().getId();
            try {
                digest = DigestAlgorithm.fromName(oid);
                digestJca = digest.jcaName();
            } catch (InvalidInputException e) {
                if (!SHA1.equals(oid)) {
                    fail(LegacyAlgorithms.isSignatureOid(oid) ? ReasonCode.STRUCTURE_INVALID : ReasonCode.WEAK_ALGORITHM,
                            LegacyAlgorithms.digestFieldProblem(oid, e.rule()));
                    return;
                }
                digestJca = "SHA-1";
                legacy.add("SHA-1 digest of the signed content and attributes");
            }
            if (!nullOrAbsent(da)) {
                fail(ReasonCode.STRUCTURE_INVALID, "the signer's digest algorithm has unexpected parameters");
                return;
            }
            try {
                if (digest != null) {
                    algorithm = signatureAlgorithm(si.getDigestEncryptionAlgorithm(), digest);
                    algorithmName = algorithm.name();
                } else {
                    legacyJca = LegacyAlgorithms.sha1Signature(si.getDigestEncryptionAlgorithm().getAlgorithm().getId());
                    algorithmName = legacyJca.equals("SHA1withRSA") ? "RSA_SHA1" : "ECDSA_SHA1";
                }
            } catch (IllegalArgumentException e) {
                algorithmName = si.getDigestEncryptionAlgorithm().getAlgorithm().getId();
                if (e.getMessage().contains("SHA-1") && digest != null) {
                    legacyJca = LegacyAlgorithms.sha1Signature(algorithmName);
                    fail(ReasonCode.STRUCTURE_INVALID, "the signature algorithm " + algorithmName + " uses SHA-1 but the "
                            + "signer's digest algorithm is " + digest + "; they must agree");
                } else {
                    fail(ReasonCode.STRUCTURE_INVALID, e.getMessage());
                }
                return;
            }
            signer = findSigner(si.getSID(), certs);
            if (signer != null && si.getAuthenticatedAttributes() == null) {
                try {
                    raw = newVerifier(signer.getPublicKey());
                } catch (GeneralSecurityException | RuntimeException e) {
                    fail(ReasonCode.SIGNATURE_VALUE_INVALID, "the signer's key cannot verify " + algorithmName + ": "
                            + e.getMessage());
                }
            }
        }

        /** A JCA signature ready to verify with the key: the permitted algorithm, or the legacy one found. */
        private Signature newVerifier(java.security.PublicKey key) throws GeneralSecurityException {
            return algorithm != null ? SignatureChecks.initVerify(algorithm, key)
                    : SignatureChecks.initVerify(legacyJca, key);
        }

        /** Adds the RFC 5652 conformance finding, if any, to the report: a warning or an INVALID reason. */
        void conformance(SignatureReport.Builder b) {
            if (structure == null) {
                return;
            }
            String message = "the signed data departs from RFC 5652: " + structure.message();
            if (structure.warningOnly()) {
                b.warning(ReasonCode.NON_CONFORMANT_SIGNATURE, message + " (a common producer mistake; the signature "
                        + "does not depend on it and was checked)");
            } else {
                b.invalid(ReasonCode.NON_CONFORMANT_SIGNATURE, message + "; the signature value and digests were "
                        + "still checked (see integrity)");
            }
        }

        void updateRaw(byte[] buf, int n) {
            if (raw != null) {
                try {
                    raw.update(buf, 0, n);
                } catch (GeneralSecurityException e) {
                    raw = null;
                }
            }
        }

        private void fail(ReasonCode code, String message) {
            if (problem == null) {
                problem = message;
                problemCode = code;
            }
        }

        SignatureReport.Builder report() {
            ASN1Set attrs = si.getAuthenticatedAttributes();
            AttributeTable table = attrs == null ? null : new AttributeTable(attrs);
            boolean cades = table != null && (table.get(PKCSObjectIdentifiers.id_aa_signingCertificateV2) != null
                    || table.get(PKCSObjectIdentifiers.id_aa_signingCertificate) != null);
            if (embedding != null) {
                // PAdES (ETSI EN 319 142-1) needs ETSI.CAdES.detached and signing-certificate-v2; the claimed time is /M.
                boolean baseline = cades && "ETSI.CAdES.detached".equals(embedding.subFilter());
                SignatureReport.Builder b = SignatureReport.builder(SignatureFormat.PADES);
                b.level(baseline ? SignatureLevel.B_B : SignatureLevel.NONE);
                b.algorithm(algorithmName);
                if (!baseline) {
                    b.warning(ReasonCode.NON_CONFORMANT_SIGNATURE, "a PDF signature with SubFilter " + embedding.subFilter()
                            + (cades ? "" : " and no signing-certificate attribute") + ": a PKCS#7 signature in a PDF, "
                            + "not a PAdES baseline signature");
                }
                return b;
            }
            SignatureReport.Builder b = SignatureReport.builder(cades ? SignatureFormat.CADES : SignatureFormat.PKCS7);
            SignatureLevel level = cades && table.get(CMSAttributes.signingTime) != null ? SignatureLevel.B_B : SignatureLevel.NONE;
            ASN1Set unsignedAttrs = si.getUnauthenticatedAttributes();
            if (level == SignatureLevel.B_B && unsignedAttrs != null) {
                AttributeTable u = new AttributeTable(unsignedAttrs);
                if (u.get(PKCSObjectIdentifiers.id_aa_signatureTimeStampToken) != null) {
                    level = u.get(PKCSObjectIdentifiers.id_aa_ets_revocationValues) != null
                            || u.get(PKCSObjectIdentifiers.id_aa_ets_certValues) != null ? SignatureLevel.B_LT
                            : SignatureLevel.B_T;
                }
            }
            b.level(level);
            b.algorithm(algorithmName);
            return b;
        }

        SignatureReport finish(Map<String, byte[]> digests, ASN1ObjectIdentifier eContentType, Document content,
                boolean isDetached, List<X509Certificate> certs, Instant validationTime) {
            SignatureReport.Builder b;
            try {
                b = report();
            } catch (RuntimeException e) {
                return SignatureReport.builder(SignatureFormat.PKCS7).invalid(ReasonCode.STRUCTURE_INVALID,
                        "the signed attributes cannot be read").build();
            }
            conformance(b);
            if (problem != null) {
                return b.invalid(problemCode, problem).build();
            }
            // Policy reasons found on the way are added after the integrity reasons, so the first reason of
            // a broken signature is what broke it; they never stop the digests and the value being checked.
            List<Reason> policy = new ArrayList<>();
            List<Reason> broken = new ArrayList<>();
            ASN1Set attrs = si.getAuthenticatedAttributes();
            Instant signingTime = null;
            List<byte[][]> certRefs = new ArrayList<>();
            List<DigestAlgorithm> certRefAlgs = new ArrayList<>();
            byte[] signedBytes = null;
            try {
                if (attrs != null) {
                    AttributeTable table = new AttributeTable(attrs);
                    if (attrs.size() != table.size()) {
                        return b.invalid(ReasonCode.STRUCTURE_INVALID, "a signed attribute occurs twice").build();
                    }
                    Attribute ct = single(attrs, CMSAttributes.contentType);
                    Attribute md = single(attrs, CMSAttributes.messageDigest);
                    if (ct == null || md == null) {
                        return b.invalid(ReasonCode.STRUCTURE_INVALID, "the signed attributes lack the content type or "
                                + "the message digest").build();
                    }
                    if (!eContentType.equals(ct.getAttrValues().getObjectAt(0))) {
                        return b.invalid(ReasonCode.STRUCTURE_INVALID, "the signed content type does not match the content").build();
                    }
                    byte[] expected = ASN1OctetString.getInstance(md.getAttrValues().getObjectAt(0)).getOctets();
                    if (!Arrays.equals(expected, digests.get(digestJca))) {
                        broken.add(new Reason(ReasonCode.CONTENT_ALTERED, "the signed content was changed after "
                                + "signing: its " + digestJca + " no longer matches the message digest in the signature"
                                + (isDetached ? " (or this is not the document that was signed)" : "")));
                    }
                    Attribute st = single(attrs, CMSAttributes.signingTime);
                    if (st != null) {
                        signingTime = Time.getInstance(st.getAttrValues().getObjectAt(0)).getDate().toInstant();
                    }
                    Attribute scv2 = single(attrs, PKCSObjectIdentifiers.id_aa_signingCertificateV2);
                    Attribute scv1 = single(attrs, PKCSObjectIdentifiers.id_aa_signingCertificate);
                    if (scv2 != null) {
                        for (ESSCertIDv2 id : SigningCertificateV2.getInstance(scv2.getAttrValues().getObjectAt(0)).getCerts()) {
                            certRefs.add(new byte[][] {id.getCertHash()});
                            String hashOid = id.getHashAlgorithm().getAlgorithm().getId();
                            if (SHA1.equals(hashOid)) {
                                certRefAlgs.add(null);
                                legacy.add("SHA-1 digest of the signing certificate");
                            } else {
                                certRefAlgs.add(DigestAlgorithm.fromName(hashOid));
                            }
                        }
                    } else if (scv1 != null) {
                        for (ESSCertID id : SigningCertificate.getInstance(scv1.getAttrValues().getObjectAt(0)).getCerts()) {
                            certRefs.add(new byte[][] {id.getCertHash()});
                            certRefAlgs.add(null);
                        }
                        legacy.add("SHA-1 digest of the signing certificate (signing-certificate, ESS v1)");
                    }
                    signedBytes = attrs.getEncoded(ASN1Encoding.DER);
                }
            } catch (IOException | RuntimeException e) {
                return b.invalid(ReasonCode.STRUCTURE_INVALID, "the signed attributes cannot be read: " + e.getMessage()).build();
            }
            if (signingTime == null && embedding != null) {
                signingTime = embedding.claimedTime();
            }
            b.signingTime(signingTime);
            // The signer's certificate: named by the signer identifier, and by the signed reference if any.
            X509Certificate byRef = null;
            if (!certRefs.isEmpty()) {
                for (X509Certificate c : certs) {
                    if (matches(c, certRefs.get(0)[0], certRefAlgs.get(0))) {
                        byRef = c;
                    }
                }
            }
            if (!certRefs.isEmpty()) {
                if (certRefs.size() > 1) {
                    // B-LT adds certificates (root, timestamp authority, OCSP responder) to the unsigned set;
                    // what must not happen is a certificate standing in for one the signer listed.
                    List<X509Certificate> listedCerts = new ArrayList<>();
                    for (X509Certificate c : certs) {
                        for (int i = 0; i < certRefs.size(); i++) {
                            if (matches(c, certRefs.get(i)[0], certRefAlgs.get(i))) {
                                listedCerts.add(c);
                            }
                        }
                    }
                    for (X509Certificate c : certs) {
                        boolean listed = listedCerts.contains(c);
                        boolean standsIn = listedCerts.stream().anyMatch(l -> l.getSubjectX500Principal()
                                .equals(c.getSubjectX500Principal()));
                        if (!listed && (standsIn || certRefs.size() > listedCerts.size())) {
                            policy.add(new Reason(ReasonCode.SIGNER_CERTIFICATE_MISMATCH, "the signer listed the certificates of its "
                                    + "chain in the signed attributes, but the signature holds another one ('"
                                    + Certs.subject(c) + "'): a certificate was altered or added"));
                            break;
                        }
                    }
                }
                List<X509Certificate> available = new ArrayList<>(certs);
                available.addAll(validator.knownCertificates());
                for (int i = 1; i < certRefs.size(); i++) {
                    final int k = i;
                    if (available.stream().noneMatch(c -> matches(c, certRefs.get(k)[0], certRefAlgs.get(k)))) {
                        policy.add(new Reason(ReasonCode.SIGNER_CERTIFICATE_MISMATCH, "the signer listed the certificates "
                                + "of its chain in the signed attributes, but one of them is not in the signature any more "
                                + "(a certificate was altered or removed)"));
                        break;
                    }
                }
            }
            if (signer == null) {
                Reasons.integrityFirst(b, List.of(), policy);
                if (byRef != null) {
                    return b.invalid(ReasonCode.SIGNER_CERTIFICATE_MISMATCH, "the signer identifier does not name the "
                            + "certificate the signed attributes name (" + Certs.describe(byRef) + ")").build();
                }
                return b.indeterminate(ReasonCode.SIGNER_CERTIFICATE_MISSING, "the signer's certificate is not in the "
                        + "signature; the signer cannot be identified").build();
            }
            b.signer(CertificateInfo.of(signer));
            if (!certRefs.isEmpty() && !matches(signer, certRefs.get(0)[0], certRefAlgs.get(0))) {
                policy.add(0, new Reason(ReasonCode.SIGNER_CERTIFICATE_MISMATCH, "the signed signing-certificate attribute "
                        + "does not name the certificate " + Certs.describe(signer) + " that the signer identifier names"));
            }
            boolean valueOk;
            if (signedBytes != null) {
                valueOk = SignatureChecks.verifies(() -> newVerifier(signer.getPublicKey()), signedBytes,
                        si.getEncryptedDigest().getOctets());
            } else {
                try {
                    valueOk = raw != null && raw.verify(si.getEncryptedDigest().getOctets());
                } catch (GeneralSecurityException e) {
                    valueOk = false;
                }
            }
            if (!valueOk) {
                broken.add(new Reason(ReasonCode.SIGNATURE_VALUE_INVALID, "the signature value does not verify with the "
                        + "key of " + Certs.describe(signer) + ": the signature was altered or made with another key"
                        + (signedBytes == null && isDetached ? ", or this is not the document that was signed" : "")));
            }
            boolean intact = broken.isEmpty();
            b.intact(intact);
            if (!intact || !policy.isEmpty() || b.status() == vn.govsdk.signing.verify.SignatureStatus.INVALID) {
                if (!legacy.isEmpty()) {
                    policy.add(new Reason(ReasonCode.WEAK_ALGORITHM, "the signature uses " + String.join(", ", legacy)
                            + ", which is not permitted"));
                }
                return Reasons.integrityFirst(b, broken, policy).build();
            }
            b.signedContent(new SignedContent(isDetached ? content.name() : "encapsulated content", content, null));
            if (tokenTime != null) {
                if (!legacy.isEmpty()) {
                    return b.invalid(ReasonCode.WEAK_ALGORITHM, "the timestamp token uses " + String.join(", ", legacy)
                            + ", which is not permitted").build();
                }
                validator.validateTimestampAuthority(b, signer, certs, tokenTime, validationTime, data);
                return b.build();
            }
            TimestampReport ts = timestamp(si, validationTime, data);
            b.timestamp(ts);
            validator.validate(b, signer, certs, signingTime, validationTime, legacy,
                    CertificateValidator.provenTime(b, ts), data);
            return b.build();
        }
    }

    /**
     * Verifies the RFC 3161 signature timestamp in the signer's unsigned attributes, if there is one:
     * the token as CMS signed data (the TSA's signature and chain, through the same checks as any
     * signer, but without looking for timestamps inside it), its content type, and its message
     * imprint against the hash of this signature's value.
     */
    private TimestampReport timestamp(SignerInfo si, Instant validationTime, EmbeddedValidationData data) {
        ASN1Set unsigned = si.getUnauthenticatedAttributes();
        if (unsigned == null) {
            return null;
        }
        Attribute attr = single(unsigned, PKCSObjectIdentifiers.id_aa_signatureTimeStampToken);
        if (attr == null) {
            return null;
        }
        byte[] token;
        try {
            token = attr.getAttrValues().getObjectAt(0).toASN1Primitive().getEncoded(ASN1Encoding.DER);
        } catch (IOException | RuntimeException e) {
            return unreadableTimestamp(e);
        }
        return timestamp(token, si.getEncryptedDigest().getOctets(), validationTime, data);
    }

    private static TimestampReport unreadableTimestamp(Exception e) {
        return new TimestampReport(null, null, vn.govsdk.signing.verify.Integrity.BROKEN, ChainStatus.UNTRUSTED, null,
                null, List.of(new Reason(ReasonCode.MALFORMED, "the signature timestamp cannot be read: "
                        + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()))));
    }

    /**
     * Verifies an RFC 3161 timestamp token over some data: the token as CMS signed data (the TSA's
     * signature and chain, through the same checks as any signer, but without looking for timestamps
     * inside it), its content type, and its message imprint against the hash of {@code stamped}. Other
     * formats call this with what their timestamp covers (XAdES: the canonical {@code ds:SignatureValue}).
     *
     * @param token the DER {@code TimeStampToken} (a CMS {@code ContentInfo})
     * @param stamped the bytes whose hash the token must cover
     * @param validationTime now
     * @param data validation data the enclosing signature embeds, for the TSA's chain, or
     *     {@link EmbeddedValidationData#NONE}
     * @return the timestamp's verdict
     */
    public TimestampReport timestamp(byte[] token, byte[] stamped, Instant validationTime, EmbeddedValidationData data) {
        List<Reason> reasons = new ArrayList<>();
        TSTInfo info;
        try {
            SignedData tsd = parse(token);
            if (!PKCSObjectIdentifiers.id_ct_TSTInfo.equals(tsd.getEncapContentInfo().getContentType())) {
                throw new IOException("its content is not TSTInfo");
            }
            info = TSTInfo.getInstance(ASN1OctetString.getInstance(tsd.getEncapContentInfo().getContent()).getOctets());
        } catch (IOException | RuntimeException e) {
            return unreadableTimestamp(e);
        }
        Instant time;
        try {
            time = info.getGenTime().getDate().toInstant();
        } catch (java.text.ParseException e) {
            time = null;
        }
        if (time == null) {
            return unreadableTimestamp(new IOException("its genTime cannot be read"));
        }
        FormatResult fr = verify(Document.of(token, "signature timestamp", "application/timestamp-reply"), null,
                validationTime, null, time, data);
        SignatureReport tr = fr.signatures().isEmpty() ? null : fr.signatures().get(0);
        boolean intact = tr != null && tr.integrity() == vn.govsdk.signing.verify.Integrity.INTACT;
        if (tr == null) {
            reasons.addAll(fr.reasons());
        } else {
            reasons.addAll(tr.reasons());
        }
        try {
            DigestAlgorithm imprintAlg = DigestAlgorithm.fromName(
                    info.getMessageImprint().getHashAlgorithm().getAlgorithm().getId());
            byte[] expected = imprintAlg.digest(stamped);
            if (!Arrays.equals(expected, info.getMessageImprint().getHashedMessage())) {
                intact = false;
                reasons.add(new Reason(ReasonCode.CONTENT_ALTERED, "the signature timestamp does not cover this "
                        + "signature's value: its message imprint differs (a timestamp of another signature)"));
            }
        } catch (InvalidInputException e) {
            intact = false;
            reasons.add(new Reason(ReasonCode.WEAK_ALGORITHM, "the timestamp's message imprint uses "
                    + info.getMessageImprint().getHashAlgorithm().getAlgorithm() + ": " + e.rule()));
        }
        return new TimestampReport(time, tr == null ? null : tr.signer().orElse(null),
                intact ? vn.govsdk.signing.verify.Integrity.INTACT : vn.govsdk.signing.verify.Integrity.BROKEN,
                tr == null ? ChainStatus.UNTRUSTED : tr.chainStatus(), tr == null ? null : tr.trustAnchor().orElse(null),
                info.getPolicy() == null ? null : info.getPolicy().getId(), reasons);
    }

    /**
     * Reads what CMS signed data embeds for validation: certificates and CRLs of {@code SignedData},
     * OCSP responses in {@code crls} as {@code OtherRevocationInfoFormat} ({@code id-ri-ocsp-response},
     * RFC 5940), and the signer's {@code certValues} and {@code revocationValues} (RFC 5126). Unreadable
     * entries are skipped (they cannot vouch for anything).
     */
    static EmbeddedValidationData embeddedData(SignedData sd, SignerInfo si) {
        List<X509Certificate> certs = new ArrayList<>();
        List<byte[]> ocsp = new ArrayList<>();
        List<byte[]> crls = new ArrayList<>();
        if (sd.getCertificates() != null) {
            for (ASN1Encodable e : sd.getCertificates()) {
                addCertificate(e, certs);
            }
        }
        if (sd.getCRLs() != null) {
            for (ASN1Encodable e : sd.getCRLs()) {
                try {
                    if (e.toASN1Primitive() instanceof org.bouncycastle.asn1.ASN1TaggedObject t) {
                        org.bouncycastle.asn1.cms.OtherRevocationInfoFormat other =
                                org.bouncycastle.asn1.cms.OtherRevocationInfoFormat.getInstance(t, false);
                        if (OCSP_RESPONSE_INFO.equals(other.getInfoFormat())) {
                            ocsp.add(other.getInfo().toASN1Primitive().getEncoded(ASN1Encoding.DER));
                        }
                    } else {
                        crls.add(e.toASN1Primitive().getEncoded(ASN1Encoding.DER));
                    }
                } catch (IOException | RuntimeException ex) {
                    // Skipped: unreadable revocation information settles nothing.
                }
            }
        }
        ASN1Set unsigned = si.getUnauthenticatedAttributes();
        if (unsigned != null) {
            for (ASN1Encodable e : unsigned) {
                try {
                    Attribute a = Attribute.getInstance(e);
                    if (PKCSObjectIdentifiers.id_aa_ets_certValues.equals(a.getAttrType())) {
                        for (ASN1Encodable v : a.getAttrValues()) {
                            for (ASN1Encodable c : org.bouncycastle.asn1.ASN1Sequence.getInstance(v)) {
                                addCertificate(c, certs);
                            }
                        }
                    } else if (PKCSObjectIdentifiers.id_aa_ets_revocationValues.equals(a.getAttrType())) {
                        for (ASN1Encodable v : a.getAttrValues()) {
                            org.bouncycastle.asn1.esf.RevocationValues rv = org.bouncycastle.asn1.esf.RevocationValues.getInstance(v);
                            for (org.bouncycastle.asn1.x509.CertificateList crl : rv.getCrlVals()) {
                                crls.add(crl.getEncoded(ASN1Encoding.DER));
                            }
                            for (org.bouncycastle.asn1.ocsp.BasicOCSPResponse r : rv.getOcspVals()) {
                                ocsp.add(r.getEncoded(ASN1Encoding.DER));
                            }
                        }
                    }
                } catch (IOException | RuntimeException ex) {
                    // Skipped, as above.
                }
            }
        }
        return new EmbeddedValidationData(certs, ocsp, crls);
    }

    private static final ASN1ObjectIdentifier OCSP_RESPONSE_INFO = new ASN1ObjectIdentifier("1.3.6.1.5.5.7.16.2");

    private static void addCertificate(ASN1Encodable e, List<X509Certificate> out) {
        if (e.toASN1Primitive() instanceof org.bouncycastle.asn1.ASN1TaggedObject) {
            return;
        }
        try {
            X509Certificate c = Certs.parse(e.toASN1Primitive().getEncoded(ASN1Encoding.DER));
            if (!out.contains(c)) {
                out.add(c);
            }
        } catch (CertificateException | IOException | RuntimeException ex) {
            // Skipped.
        }
    }

    private static Attribute single(ASN1Set attrs, ASN1ObjectIdentifier oid) {
        Attribute found = null;
        for (ASN1Encodable e : attrs) {
            Attribute a = Attribute.getInstance(e);
            if (a.getAttrType().equals(oid)) {
                if (found != null || a.getAttrValues().size() != 1) {
                    throw new IllegalArgumentException("attribute " + oid + " must occur once with one value");
                }
                found = a;
            }
        }
        return found;
    }

    private static boolean matches(X509Certificate c, byte[] hash, DigestAlgorithm alg) {
        byte[] der = Certs.encoded(c);
        if (alg == null) {
            try {
                return Arrays.equals(MessageDigest.getInstance("SHA-1").digest(der), hash);
            } catch (GeneralSecurityException e) {
                return false;
            }
        }
        return Arrays.equals(alg.digest(der), hash);
    }

    private static X509Certificate findSigner(SignerIdentifier sid, List<X509Certificate> certs) {
        ASN1Encodable id = sid.getId();
        if (id instanceof org.bouncycastle.asn1.ASN1TaggedObject || id instanceof ASN1OctetString) {
            byte[] ski = ASN1OctetString.getInstance(
                    id instanceof org.bouncycastle.asn1.ASN1TaggedObject t ? t.getBaseObject() : id).getOctets();
            for (X509Certificate c : certs) {
                byte[] ext = c.getExtensionValue(Extension.subjectKeyIdentifier.getId());
                if (ext != null && Arrays.equals(SubjectKeyIdentifier.getInstance(
                        ASN1OctetString.getInstance(ext).getOctets()).getKeyIdentifier(), ski)) {
                    return c;
                }
            }
            return null;
        }
        IssuerAndSerialNumber ias = IssuerAndSerialNumber.getInstance(id);
        byte[] issuer;
        try {
            issuer = ias.getName().getEncoded(ASN1Encoding.DER);
        } catch (IOException e) {
            return null;
        }
        for (X509Certificate c : certs) {
            // The issuer name as the certificate encodes it, byte for byte (signers copy it from there).
            if (c.getSerialNumber().equals(ias.getSerialNumber().getValue())
                    && Arrays.equals(c.getIssuerX500Principal().getEncoded(), issuer)) {
                return c;
            }
        }
        return null;
    }

    /** Maps a CMS signature algorithm identifier (with the signer's digest) to a permitted algorithm. */
    static SignatureAlgorithm signatureAlgorithm(AlgorithmIdentifier a, DigestAlgorithm digest) {
        ASN1ObjectIdentifier oid = a.getAlgorithm();
        if (oid.equals(PKCSObjectIdentifiers.rsaEncryption)) {
            requireNull(a);
            return switch (digest) {
                case SHA256 -> SignatureAlgorithm.RSA_SHA256;
                case SHA384 -> SignatureAlgorithm.RSA_SHA384;
                case SHA512 -> SignatureAlgorithm.RSA_SHA512;
            };
        }
        for (SignatureAlgorithm s : SignatureAlgorithm.values()) {
            if (!s.isPss() && s.oid().equals(oid.getId())) {
                if (s.keyAlgorithm().equals("RSA")) {
                    requireNull(a);
                } else if (a.getParameters() != null) {
                    throw new IllegalArgumentException("the ECDSA algorithm identifier has parameters");
                }
                if (s.digestAlgorithm() != digest) {
                    throw new IllegalArgumentException("the signature algorithm " + s + " disagrees with the digest " + digest);
                }
                return s;
            }
        }
        if (oid.equals(PKCSObjectIdentifiers.id_RSASSA_PSS)) {
            RSASSAPSSparams p = RSASSAPSSparams.getInstance(a.getParameters());
            DigestAlgorithm h = DigestAlgorithm.fromName(p.getHashAlgorithm().getAlgorithm().getId());
            AlgorithmIdentifier mgf = p.getMaskGenAlgorithm();
            AlgorithmIdentifier mgfHash = AlgorithmIdentifier.getInstance(mgf.getParameters());
            if (h != digest || !mgf.getAlgorithm().equals(PKCSObjectIdentifiers.id_mgf1)
                    || !mgfHash.getAlgorithm().getId().equals(h.oid())
                    || p.getSaltLength().intValueExact() != h.length() || p.getTrailerField().intValueExact() != 1) {
                throw new IllegalArgumentException("the RSASSA-PSS parameters are not MGF1 with " + digest
                        + ", salt " + digest.length() + ", trailer 1");
            }
            return h == DigestAlgorithm.SHA256 ? SignatureAlgorithm.RSA_PSS_SHA256
                    : h == DigestAlgorithm.SHA384 ? SignatureAlgorithm.RSA_PSS_SHA384 : SignatureAlgorithm.RSA_PSS_SHA512;
        }
        if (oid.equals(X9ObjectIdentifiers.id_ecPublicKey)) {
            return switch (digest) {
                case SHA256 -> SignatureAlgorithm.ECDSA_SHA256;
                case SHA384 -> SignatureAlgorithm.ECDSA_SHA384;
                case SHA512 -> SignatureAlgorithm.ECDSA_SHA512;
            };
        }
        if (oid.getId().equals("1.2.840.113549.1.1.5") || oid.getId().equals("1.2.840.10045.4.1")) {
            throw new IllegalArgumentException("the signature uses SHA-1, which Circular 15/2025 no longer permits");
        }
        throw new IllegalArgumentException("the signature algorithm " + oid + " is not one the SDK permits");
    }

    /** The OID of SHA-1. */
    private static final String SHA1 = "1.3.14.3.2.26";

    private static void requireNull(AlgorithmIdentifier a) {
        if (!nullOrAbsent(a)) {
            throw new IllegalArgumentException("the RSA algorithm identifier has parameters other than NULL");
        }
    }

}

package vn.govsdk.signing.internal.cades;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Set;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.DERTaggedObject;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.CMSObjectIdentifiers;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.cms.IssuerAndSerialNumber;
import org.bouncycastle.asn1.cms.SignedData;
import org.bouncycastle.asn1.cms.SignerIdentifier;
import org.bouncycastle.asn1.cms.SignerInfo;
import org.bouncycastle.asn1.cms.Time;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.RSASSAPSSparams;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.Certificate;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.IssuerSerial;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
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
import vn.govsdk.signing.timestamp.TimestampClient;
import vn.govsdk.signing.timestamp.TimestampToken;
import vn.govsdk.signing.internal.Certs;
import vn.govsdk.signing.internal.SigningAccess;

/** Builds CMS signed data by hand (Bouncy Castle ASN.1), so the content can be streamed in and out. */
public final class CmsEngine {

    private static final int BUFFER = 64 * 1024;

    private final SignaturePackaging packaging;
    private final SignatureFormat format;
    private final SignatureAlgorithm requested;
    private final Clock clock;
    private final SignatureLevel level;
    private final TimestampClient timestampClient;
    private final ValidationDataSource validationDataSource;

    /**
     * Creates the engine with a signer's settings, at level B-B.
     *
     * @param packaging detached or enveloping
     * @param format CAdES, PKCS#7, or PAdES (CAdES without the signing-time attribute, for a PDF)
     * @param requested the algorithm, or {@code null} for the key's default
     * @param clock the clock
     */
    public CmsEngine(SignaturePackaging packaging, SignatureFormat format, SignatureAlgorithm requested, Clock clock) {
        this(packaging, format, requested, clock, format == SignatureFormat.PKCS7 ? SignatureLevel.NONE : SignatureLevel.B_B,
                null, null);
    }

    /**
     * Creates the engine with a signer's settings and a baseline level.
     *
     * @param packaging detached or enveloping
     * @param format CAdES or PKCS#7
     * @param requested the algorithm, or {@code null} for the key's default
     * @param clock the clock
     * @param level B-B, B-T (signature timestamp) or B-LT (timestamp and validation data)
     * @param timestampClient the timestamp client for B-T and B-LT, else {@code null}
     * @param validationDataSource the validation data source for B-LT, else {@code null}
     */
    public CmsEngine(SignaturePackaging packaging, SignatureFormat format, SignatureAlgorithm requested, Clock clock,
            SignatureLevel level, TimestampClient timestampClient, ValidationDataSource validationDataSource) {
        this.packaging = packaging;
        this.format = format;
        this.requested = requested;
        this.clock = clock;
        this.level = level;
        this.timestampClient = timestampClient;
        this.validationDataSource = validationDataSource;
    }

    /**
     * Prepares the signature: hashes the content (one streamed pass) and builds the signed attributes.
     *
     * @param document the document
     * @param chain the chain
     * @return the prepared signature
     */
    public PreparedSignature prepare(Document document, List<X509Certificate> chain) {
        Instant signingTime = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        SignatureAlgorithm algorithm = Certs.checkSigner(chain, requested, signingTime);
        List<X509Certificate> certs = List.copyOf(chain);
        DigestAlgorithm digest = algorithm.digestAlgorithm();
        byte[] inMemory = null;
        byte[] contentDigest;
        long size;
        if (packaging == SignaturePackaging.ENVELOPING && document.size().isEmpty()) {
            // A stream of unknown length: the DER length must be known, so it is read once into memory.
            inMemory = document.bytes();
            contentDigest = digest.digest(inMemory);
            size = inMemory.length;
        } else {
            contentDigest = hash(document, digest);
            size = document.size().orElse(-1);
        }
        ASN1Set signedAttrs = signedAttributes(digest, contentDigest, signingTime, certs);
        byte[] dataToSign;
        try {
            dataToSign = signedAttrs.getEncoded(ASN1Encoding.DER);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        SigningAccess.PreparedData data = new SigningAccess.PreparedData(format, packaging, level, algorithm, digest,
                certs, signingTime, document.name(), document.mediaType(), dataToSign);
        final byte[] content = inMemory;
        final long contentSize = size;
        String fileName = document.name() + (packaging == SignaturePackaging.DETACHED ? ".p7s" : ".p7m");
        String mediaType = packaging == SignaturePackaging.DETACHED ? "application/pkcs7-signature" : "application/pkcs7-mime";
        return SigningAccess.get().prepared(data, value -> {
            SignerInfo signerInfo = signerInfo(certs.get(0), algorithm, signedAttrs, value);
            ASN1Set certificates = certificateSet(certs);
            if (level == SignatureLevel.B_T || level == SignatureLevel.B_LT) {
                // After the value was checked (PreparedSignature.complete): timestamp it, then collect LT data.
                CmsTimestamps.Timestamped t = CmsTimestamps.addSignatureTimestamp(signerInfo, timestampClient,
                        DigestAlgorithm.SHA256);
                signerInfo = t.signerInfo();
                if (level == SignatureLevel.B_LT) {
                    ValidationData vd = validationDataSource.collect(certs)
                            .merge(validationDataSource.collect(tsaChain(t.token())));
                    signerInfo = CmsTimestamps.addValidationData(signerInfo, vd);
                    certificates = CmsTimestamps.mergeCertificates(certificates, vd.certificates());
                }
            }
            final ASN1Set certificateSet = certificates;
            byte[] certSet = encode(new DERTaggedObject(false, 0, certificateSet));
            byte[] signerInfos = encode(new DERSet(signerInfo));
            byte[] digestAlgs = encode(new DERSet(digestAlgorithm(digest)));
            if (packaging == SignaturePackaging.DETACHED) {
                ContentInfo encap = new ContentInfo(CMSObjectIdentifiers.data, null);
                SignedData sd = new SignedData(new DERSet(digestAlgorithm(digest)), encap,
                        certificateSet, null, new DERSet(signerInfo));
                byte[] out = encode(new ContentInfo(CMSObjectIdentifiers.signedData, sd));
                return SigningAccess.get().signed(data, mediaType, fileName, out.length, o -> o.write(out));
            }
            AttachedLayout layout = new AttachedLayout(digestAlgs, certSet, signerInfos, contentSize);
            return SigningAccess.get().signed(data, mediaType, fileName, layout.total(), o -> {
                o.write(layout.prefix());
                MessageDigest md = digest.newMessageDigest();
                long written;
                if (content != null) {
                    o.write(content);
                    md.update(content);
                    written = content.length;
                } else {
                    written = copy(document, o, md);
                }
                if (written != contentSize || !Arrays.equals(md.digest(), contentDigest)) {
                    throw new IOException("document " + document.name() + " changed after the signature was prepared");
                }
                o.write(certSet);
                o.write(signerInfos);
            });
        });
    }

    /** The timestamp authority's chain from its token: the certificate with the timeStamping usage first. */
    static List<X509Certificate> tsaChain(TimestampToken token) {
        List<X509Certificate> out = new ArrayList<>();
        for (X509Certificate c : token.certificates()) {
            try {
                List<String> eku = c.getExtendedKeyUsage();
                if (eku != null && eku.contains("1.3.6.1.5.5.7.3.8")) {
                    out.add(0, c);
                    continue;
                }
            } catch (java.security.cert.CertificateParsingException e) {
                // Treated as a CA certificate of the chain.
            }
            out.add(c);
        }
        if (out.isEmpty()) {
            throw new SigningException("the timestamp token carries no certificate, so the authority's chain cannot be "
                    + "collected for B-LT; ask the authority for its certificate (requestCertificate(true))");
        }
        return out;
    }

    private static byte[] hash(Document document, DigestAlgorithm digest) {
        MessageDigest md = digest.newMessageDigest();
        byte[] buf = new byte[BUFFER];
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

    private static long copy(Document document, OutputStream out, MessageDigest md) throws IOException {
        byte[] buf = new byte[BUFFER];
        long total = 0;
        try (InputStream in = document.openStream()) {
            int n;
            while ((n = in.read(buf)) > 0) {
                out.write(buf, 0, n);
                md.update(buf, 0, n);
                total += n;
            }
        }
        return total;
    }

    private ASN1Set signedAttributes(DigestAlgorithm digest, byte[] contentDigest, Instant signingTime,
            List<X509Certificate> chain) {
        ASN1EncodableVector v = new ASN1EncodableVector();
        v.add(new Attribute(CMSAttributes.contentType, new DERSet(CMSObjectIdentifiers.data)));
        if (format != SignatureFormat.PADES) {
            // PAdES (ETSI EN 319 142-1, 6.3) claims the signing time in the signature dictionary's /M instead.
            v.add(new Attribute(CMSAttributes.signingTime, new DERSet(new Time(Date.from(signingTime)))));
        }
        v.add(new Attribute(CMSAttributes.messageDigest, new DERSet(new DEROctetString(contentDigest))));
        if (format != SignatureFormat.PKCS7) {
            List<ESSCertIDv2> ids = new ArrayList<>();
            for (X509Certificate c : embedded(chain)) {
                IssuerSerial is = new IssuerSerial(new GeneralNames(new GeneralName(
                        X500Name.getInstance(c.getIssuerX500Principal().getEncoded()))), c.getSerialNumber());
                byte[] hash = Certs.digest(c, digest);
                ids.add(digest == DigestAlgorithm.SHA256 ? new ESSCertIDv2(hash, is)
                        : new ESSCertIDv2(digestAlgorithm(digest), hash, is));
            }
            v.add(new Attribute(PKCSObjectIdentifiers.id_aa_signingCertificateV2,
                    new DERSet(new SigningCertificateV2(ids.toArray(new ESSCertIDv2[0])))));
        }
        return new DERSet(v);
    }

    private static SignerInfo signerInfo(X509Certificate signer, SignatureAlgorithm algorithm, ASN1Set signedAttrs,
            byte[] value) {
        IssuerAndSerialNumber ias = new IssuerAndSerialNumber(X500Name.getInstance(
                signer.getIssuerX500Principal().getEncoded()), signer.getSerialNumber());
        return new SignerInfo(new SignerIdentifier(ias), digestAlgorithm(algorithm.digestAlgorithm()), signedAttrs,
                signatureAlgorithm(algorithm), new DEROctetString(value), null);
    }

    static AlgorithmIdentifier digestAlgorithm(DigestAlgorithm d) {
        return new AlgorithmIdentifier(new ASN1ObjectIdentifier(d.oid()));
    }

    /**
     * Returns the CMS signature algorithm identifier.
     *
     * @param a the algorithm
     * @return {@code rsaEncryption} with NULL, {@code id-RSASSA-PSS} with parameters, or {@code ecdsa-with-SHA*}
     */
    public static AlgorithmIdentifier signatureAlgorithm(SignatureAlgorithm a) {
        if (a.isPss()) {
            AlgorithmIdentifier hash = new AlgorithmIdentifier(new ASN1ObjectIdentifier(a.digestAlgorithm().oid()), DERNull.INSTANCE);
            RSASSAPSSparams params = new RSASSAPSSparams(hash,
                    new AlgorithmIdentifier(PKCSObjectIdentifiers.id_mgf1, hash),
                    new ASN1Integer(a.digestAlgorithm().length()), new ASN1Integer(1));
            return new AlgorithmIdentifier(PKCSObjectIdentifiers.id_RSASSA_PSS, params);
        }
        if (a.keyAlgorithm().equals("RSA")) {
            return new AlgorithmIdentifier(PKCSObjectIdentifiers.rsaEncryption, DERNull.INSTANCE);
        }
        return new AlgorithmIdentifier(switch (a.digestAlgorithm()) {
            case SHA256 -> X9ObjectIdentifiers.ecdsa_with_SHA256;
            case SHA384 -> X9ObjectIdentifiers.ecdsa_with_SHA384;
            case SHA512 -> X9ObjectIdentifiers.ecdsa_with_SHA512;
        });
    }

    private static ASN1Set certificateSet(List<X509Certificate> chain) {
        ASN1EncodableVector v = new ASN1EncodableVector();
        for (X509Certificate c : embedded(chain)) {
            v.add(Certificate.getInstance(Certs.encoded(c)));
        }
        return new DERSet(v);
    }

    /** The chain without a self-signed root: the verifier holds roots as trust anchors. */
    private static List<X509Certificate> embedded(List<X509Certificate> chain) {
        List<X509Certificate> out = new ArrayList<>();
        for (X509Certificate c : chain) {
            if (out.isEmpty() || !c.getSubjectX500Principal().equals(c.getIssuerX500Principal())) {
                out.add(c);
            }
        }
        return out;
    }

    private static byte[] encode(ASN1Encodable e) {
        try {
            return e.toASN1Primitive().getEncoded(ASN1Encoding.DER);
        } catch (IOException ex) {
            throw new IllegalStateException(ex);
        }
    }

    /** The DER framing of attached signed data around content of a known length. */
    private static final class AttachedLayout {
        private final byte[] prefix;
        private final long total;

        AttachedLayout(byte[] digestAlgs, byte[] certSet, byte[] signerInfos, long contentLength) {
            byte[] version = encode(new ASN1Integer(1));
            byte[] oidData = encode(CMSObjectIdentifiers.data);
            byte[] oidSignedData = encode(CMSObjectIdentifiers.signedData);
            byte[] octetHeader = header(0x04, contentLength);
            long octet = octetHeader.length + contentLength;
            byte[] explicitHeader = header(0xA0, octet);
            long eciBody = oidData.length + explicitHeader.length + octet;
            byte[] eciHeader = header(0x30, eciBody);
            long sdBody = version.length + digestAlgs.length + eciHeader.length + eciBody + certSet.length + signerInfos.length;
            byte[] sdHeader = header(0x30, sdBody);
            long sd = sdHeader.length + sdBody;
            byte[] ciExplicit = header(0xA0, sd);
            long ciBody = oidSignedData.length + ciExplicit.length + sd;
            byte[] ciHeader = header(0x30, ciBody);
            ByteArrayOutputStream p = new ByteArrayOutputStream();
            p.writeBytes(ciHeader);
            p.writeBytes(oidSignedData);
            p.writeBytes(ciExplicit);
            p.writeBytes(sdHeader);
            p.writeBytes(version);
            p.writeBytes(digestAlgs);
            p.writeBytes(eciHeader);
            p.writeBytes(oidData);
            p.writeBytes(explicitHeader);
            p.writeBytes(octetHeader);
            this.prefix = p.toByteArray();
            this.total = ciHeader.length + ciBody;
        }

        byte[] prefix() {
            return prefix;
        }

        long total() {
            return total;
        }

        static byte[] header(int tag, long length) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.write(tag);
            if (length < 0x80) {
                out.write((int) length);
            } else {
                int n = 0;
                for (long l = length; l > 0; l >>>= 8) {
                    n++;
                }
                out.write(0x80 | n);
                for (int i = n - 1; i >= 0; i--) {
                    out.write((int) (length >>> (8 * i)) & 0xFF);
                }
            }
            return out.toByteArray();
        }
    }
}

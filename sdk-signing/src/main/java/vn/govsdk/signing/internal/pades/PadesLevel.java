package vn.govsdk.signing.internal.pades;

import java.io.IOException;
import java.security.PublicKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.io.RandomAccessRead;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Set;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.cms.SignedData;
import org.bouncycastle.asn1.cms.SignerInfo;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import vn.govsdk.signing.SignatureLevel;
import vn.govsdk.signing.SigningException;
import vn.govsdk.signing.ValidationData;
import vn.govsdk.signing.ValidationDataSource;
import vn.govsdk.signing.internal.cades.CmsTimestamps;
import vn.govsdk.signing.timestamp.TimestampClient;
import vn.govsdk.signing.timestamp.TimestampToken;

/**
 * What a PAdES level adds to B-B (ETSI EN 319 142-1, 6.2 and 6.3): for B-T the signature timestamp in the
 * CMS's unsigned attributes (through {@link CmsTimestamps}), for B-LT also the validation data of the
 * signer's and the timestamp authority's chains in the document security store, written by
 * {@link DssWriter} in an incremental update after the signature. Nothing but the timestamp is added to
 * {@code /Contents}. Immutable.
 */
public final class PadesLevel {

    /** The least reserved for a timestamped CMS: room for the chain, a token and the TSA's certificates. */
    public static final int RESERVED_TIMESTAMPED = 48 * 1024;

    /** Level B-B: nothing added. */
    public static final PadesLevel B_B = new PadesLevel(SignatureLevel.B_B, null, null);

    private final SignatureLevel level;
    private final TimestampClient timestampClient;
    private final ValidationDataSource validationDataSource;

    private PadesLevel(SignatureLevel level, TimestampClient timestampClient, ValidationDataSource validationDataSource) {
        this.level = level;
        this.timestampClient = timestampClient;
        this.validationDataSource = validationDataSource;
    }

    /**
     * Returns the support for a level.
     *
     * @param level B-B, B-T or B-LT
     * @param timestampClient the timestamp client, required for B-T and B-LT
     * @param validationDataSource the validation data source, required for B-LT
     * @return the level support
     */
    public static PadesLevel of(SignatureLevel level, TimestampClient timestampClient,
            ValidationDataSource validationDataSource) {
        if (level == SignatureLevel.B_B) {
            return B_B;
        }
        if (level != SignatureLevel.B_T && level != SignatureLevel.B_LT) {
            throw new IllegalArgumentException("PAdES level " + level.displayName() + " is not supported");
        }
        if (timestampClient == null || level == SignatureLevel.B_LT && validationDataSource == null) {
            throw new IllegalArgumentException("level " + level.displayName() + " needs its timestamp client"
                    + (level == SignatureLevel.B_LT ? " and validation data source" : ""));
        }
        return new PadesLevel(level, timestampClient, level == SignatureLevel.B_LT ? validationDataSource : null);
    }

    /**
     * Returns the level.
     *
     * @return the level
     */
    public SignatureLevel level() {
        return level;
    }

    /**
     * Returns the bytes to reserve for {@code /Contents}. At B-B that is what the CMS can hold: the chain's
     * certificates, the signature value (twice, for safety) and 4 KB for the signed attributes and the
     * structure, at least 8 KB. PDFBox writes the reserve as hexadecimal digits one at a time, so a
     * reserve sized to the chain rather than a fixed 32 KB is most of what keeps B-B signing cheap. At B-T
     * and B-LT the token's size is known only once the authority answers, so the reserve is that plus
     * 16 KB, at least {@link #RESERVED_TIMESTAMPED}.
     *
     * @param chain the certificate chain the CMS will carry, signer first
     * @return the size of the reserved space (written as twice as many hexadecimal digits)
     */
    public int reserved(List<X509Certificate> chain) {
        long bytes = 4096;
        for (X509Certificate c : chain) {
            try {
                bytes += c.getEncoded().length;
            } catch (CertificateEncodingException e) {
                bytes += 8192;
            }
        }
        bytes += 2L * signatureBytes(chain.get(0).getPublicKey());
        int base = (int) Math.max(8192, (bytes + 1023) / 1024 * 1024);
        return level == SignatureLevel.B_B ? base : Math.max(RESERVED_TIMESTAMPED, base + 16 * 1024);
    }

    private static int signatureBytes(PublicKey key) {
        if (key instanceof RSAPublicKey rsa) {
            return (rsa.getModulus().bitLength() + 7) / 8;
        }
        if (key instanceof ECPublicKey ec) {
            return 2 * ((ec.getParams().getCurve().getField().getFieldSize() + 7) / 8) + 16;
        }
        return 1024;
    }

    /**
     * Adds what the level puts in the CMS: the signature timestamp for B-T and B-LT.
     *
     * @param cms the DER CMS signed data
     * @return the CMS to write in {@code /Contents}
     */
    public byte[] extendCms(byte[] cms) {
        return level == SignatureLevel.B_B ? cms : CmsTimestamps.addSignatureTimestamp(cms, timestampClient);
    }

    /**
     * Adds what the level puts after the signature: for B-LT, the DSS update with the validation data of
     * the signer's chain and of the chain of the timestamp authority that signed the token in the CMS.
     *
     * @param signedPdf the PDF with the signature written in, read at random (closed when done)
     * @param contents the bytes of the signature's {@code /Contents} (the CMS and its zero padding)
     * @param cms the CMS written there
     * @param chain the signer's chain, signer first
     * @param name the document's name, for messages
     * @return the bytes to write after {@code signedPdf}: the DSS update, or nothing below B-LT
     */
    public byte[] afterSignature(RandomAccessRead signedPdf, byte[] contents, byte[] cms, List<X509Certificate> chain,
            String name) {
        if (level != SignatureLevel.B_LT) {
            return new byte[0];
        }
        TimestampToken token = token(cms);
        List<X509Certificate> tsaChain = tsaChain(token, chain);
        if (tsaChain.isEmpty()) {
            throw new SigningException("the timestamp token of " + name + " carries no certificate of the timestamp "
                    + "authority, so B-LT cannot embed its validation data; ask the authority for its certificate "
                    + "(TimestampClient.Builder.requestCertificate(true))");
        }
        ValidationData data = validationDataSource.collect(chain).merge(validationDataSource.collect(tsaChain));
        return DssWriter.update(signedPdf, contents, data, name);
    }

    /** Reads the signature timestamp back from the CMS that was just built. */
    static TimestampToken token(byte[] cms) {
        try {
            SignedData sd = SignedData.getInstance(ContentInfo.getInstance(ASN1Primitive.fromByteArray(cms)).getContent());
            SignerInfo si = SignerInfo.getInstance(sd.getSignerInfos().getObjectAt(0));
            ASN1Set unsigned = si.getUnauthenticatedAttributes();
            if (unsigned != null) {
                for (ASN1Encodable e : unsigned) {
                    Attribute a = Attribute.getInstance(e);
                    if (a.getAttrType().equals(PKCSObjectIdentifiers.id_aa_signatureTimeStampToken)) {
                        return TimestampToken.parse(a.getAttrValues().getObjectAt(0).toASN1Primitive()
                                .getEncoded(ASN1Encoding.DER));
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            throw new SigningException("the timestamped CMS signature cannot be read back: " + e.getMessage(), e);
        }
        throw new SigningException("the CMS signature carries no signature timestamp after timestamping");
    }

    /**
     * The timestamp authority's chain, its certificate first: the token's certificates, completed from the
     * signer's chain (the same CA often issues both). What is still missing the source fetches (AIA).
     */
    static List<X509Certificate> tsaChain(TimestampToken token, List<X509Certificate> signerChain) {
        List<X509Certificate> pool = new ArrayList<>(token.certificates());
        pool.addAll(signerChain);
        X509Certificate tsa = null;
        for (X509Certificate c : token.certificates()) {
            try {
                List<String> eku = c.getExtendedKeyUsage();
                if (eku != null && eku.contains(KeyPurposeId.id_kp_timeStamping.getId())) {
                    tsa = c;
                    break;
                }
            } catch (java.security.cert.CertificateParsingException e) {
                // Not the TSA's certificate.
            }
        }
        if (tsa == null) {
            return List.of();
        }
        List<X509Certificate> chain = new ArrayList<>();
        chain.add(tsa);
        X509Certificate current = tsa;
        while (chain.size() < 10 && !current.getSubjectX500Principal().equals(current.getIssuerX500Principal())) {
            X509Certificate issuer = null;
            for (X509Certificate c : pool) {
                if (!chain.contains(c) && c.getSubjectX500Principal().equals(current.getIssuerX500Principal())) {
                    issuer = c;
                    break;
                }
            }
            if (issuer == null) {
                break;
            }
            chain.add(issuer);
            current = issuer;
        }
        return chain;
    }
}

package vn.govsdk.signing.internal.cades;

import java.io.IOException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1InputStream;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.ASN1Set;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.CMSObjectIdentifiers;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.cms.SignedData;
import org.bouncycastle.asn1.cms.SignerInfo;
import org.bouncycastle.asn1.esf.RevocationValues;
import org.bouncycastle.asn1.ocsp.BasicOCSPResponse;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.ocsp.OCSPResponse;
import org.bouncycastle.asn1.ocsp.OCSPResponseStatus;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.Certificate;
import org.bouncycastle.asn1.x509.CertificateList;
import vn.govsdk.core.InvalidInputException;
import vn.govsdk.signing.DigestAlgorithm;
import vn.govsdk.signing.ValidationData;
import vn.govsdk.signing.internal.Certs;
import vn.govsdk.signing.timestamp.TimestampClient;
import vn.govsdk.signing.timestamp.TimestampToken;

/**
 * Adds the unsigned attributes of CAdES levels B-T and B-LT (ETSI EN 319 122-1, RFC 5126) to CMS signed
 * data: the signature timestamp ({@code id-aa-signatureTimeStampToken}, over the signer's signature
 * value) and the validation data ({@code id-aa-ets-certValues}, {@code id-aa-ets-revocationValues},
 * with the certificates also added to {@code SignedData.certificates}).
 *
 * <p>Two levels of entry: DER {@code ContentInfo} in and out (every signer of the signed data is
 * extended; what PAdES uses on its {@code /Contents}), or one {@link SignerInfo} (what the streaming
 * CAdES signer uses before it writes the signed data out). Unsigned attributes already present are
 * kept; the signed attributes and the signature value are untouched, so the signature stays valid.
 */
public final class CmsTimestamps {

    /** {@code id-ri-ocsp-response} (RFC 5940): an OCSPResponse in {@code SignedData.crls}. */
    public static final ASN1ObjectIdentifier OCSP_RESPONSE_INFO = new ASN1ObjectIdentifier("1.3.6.1.5.5.7.16.2");

    private CmsTimestamps() {
    }

    /**
     * Adds a signature timestamp over each signer's signature value, SHA-256 imprint.
     *
     * @param cmsSignedData DER {@code ContentInfo} with {@code SignedData}
     * @param client the timestamp client
     * @return the new DER {@code ContentInfo}
     * @throws InvalidInputException naming {@code cmsSignedData} if the bytes are not CMS signed data
     * @throws vn.govsdk.signing.timestamp.TimestampException if no authority granted a token
     */
    public static byte[] addSignatureTimestamp(byte[] cmsSignedData, TimestampClient client) {
        return addSignatureTimestamp(cmsSignedData, client, DigestAlgorithm.SHA256);
    }

    /**
     * Adds a signature timestamp over each signer's signature value.
     *
     * @param cmsSignedData DER {@code ContentInfo} with {@code SignedData}
     * @param client the timestamp client
     * @param imprint the digest algorithm of the message imprint
     * @return the new DER {@code ContentInfo}
     */
    public static byte[] addSignatureTimestamp(byte[] cmsSignedData, TimestampClient client, DigestAlgorithm imprint) {
        SignedData sd = parse(cmsSignedData);
        List<SignerInfo> out = new ArrayList<>();
        for (ASN1Encodable e : sd.getSignerInfos()) {
            out.add(addSignatureTimestamp(SignerInfo.getInstance(e), client, imprint).signerInfo());
        }
        return encode(sd, out, sd.getCertificates());
    }

    /**
     * A signer extended with its signature timestamp.
     *
     * @param signerInfo the new signer info
     * @param token the token it now carries
     */
    public record Timestamped(SignerInfo signerInfo, TimestampToken token) {
    }

    /**
     * Adds a signature timestamp over one signer's signature value.
     *
     * @param signerInfo the signer
     * @param client the timestamp client
     * @param imprint the digest algorithm of the message imprint
     * @return the new signer info and the token
     */
    public static Timestamped addSignatureTimestamp(SignerInfo signerInfo, TimestampClient client,
            DigestAlgorithm imprint) {
        byte[] value = signerInfo.getEncryptedDigest().getOctets();
        TimestampToken token = client.timestamp(imprint, imprint.digest(value));
        ASN1Primitive tokenAsn1;
        try {
            tokenAsn1 = ASN1Primitive.fromByteArray(token.encoded());
        } catch (IOException e) {
            throw new IllegalStateException("the timestamp token cannot be re-read", e);
        }
        Attribute attr = new Attribute(PKCSObjectIdentifiers.id_aa_signatureTimeStampToken,
                new DERSet(ContentInfo.getInstance(tokenAsn1)));
        return new Timestamped(withUnsigned(signerInfo, attr), token);
    }

    /**
     * Adds B-LT validation data to every signer ({@code certValues}, {@code revocationValues}) and the
     * certificates to {@code SignedData.certificates}.
     *
     * @param cmsSignedData DER {@code ContentInfo} with {@code SignedData}
     * @param data the certificates, OCSP responses and CRLs
     * @return the new DER {@code ContentInfo}
     */
    public static byte[] addValidationData(byte[] cmsSignedData, ValidationData data) {
        SignedData sd = parse(cmsSignedData);
        List<SignerInfo> out = new ArrayList<>();
        for (ASN1Encodable e : sd.getSignerInfos()) {
            out.add(addValidationData(SignerInfo.getInstance(e), data));
        }
        return encode(sd, out, mergeCertificates(sd.getCertificates(), data.certificates()));
    }

    /**
     * Adds the {@code certValues} and {@code revocationValues} unsigned attributes to one signer. OCSP
     * responses go in {@code ocspVals} as {@code BasicOCSPResponse}, CRLs in {@code crlVals}.
     *
     * @param signerInfo the signer
     * @param data the validation data
     * @return the new signer info
     * @throws InvalidInputException naming {@code ocspResponse} or {@code crl} if one cannot be read
     */
    public static SignerInfo addValidationData(SignerInfo signerInfo, ValidationData data) {
        List<Attribute> attrs = new ArrayList<>();
        if (!data.certificates().isEmpty()) {
            ASN1EncodableVector certs = new ASN1EncodableVector();
            for (X509Certificate c : data.certificates()) {
                certs.add(Certificate.getInstance(Certs.encoded(c)));
            }
            attrs.add(new Attribute(PKCSObjectIdentifiers.id_aa_ets_certValues, new DERSet(new DERSequence(certs))));
        }
        if (!data.ocspResponses().isEmpty() || !data.crls().isEmpty()) {
            List<CertificateList> crls = new ArrayList<>();
            for (byte[] crl : distinct(data.crls())) {
                try {
                    crls.add(CertificateList.getInstance(ASN1Primitive.fromByteArray(crl)));
                } catch (IOException | RuntimeException e) {
                    throw new InvalidInputException("crl", "must be a DER CRL: " + e.getMessage());
                }
            }
            List<BasicOCSPResponse> ocsp = new ArrayList<>();
            for (byte[] r : distinct(data.ocspResponses())) {
                ocsp.add(basicResponse(r));
            }
            RevocationValues values = new RevocationValues(crls.isEmpty() ? null : crls.toArray(new CertificateList[0]),
                    ocsp.isEmpty() ? null : ocsp.toArray(new BasicOCSPResponse[0]), null);
            attrs.add(new Attribute(PKCSObjectIdentifiers.id_aa_ets_revocationValues, new DERSet(values)));
        }
        return withUnsigned(signerInfo, attrs.toArray(new Attribute[0]));
    }

    /**
     * Returns the {@code BasicOCSPResponse} inside a DER {@code OCSPResponse} (or the bytes themselves
     * if they already are one).
     *
     * @param der an {@code OCSPResponse} or {@code BasicOCSPResponse}
     * @return the basic response
     * @throws InvalidInputException naming {@code ocspResponse} if it is neither, or not successful
     */
    public static BasicOCSPResponse basicResponse(byte[] der) {
        try {
            ASN1Sequence seq = ASN1Sequence.getInstance(ASN1Primitive.fromByteArray(der));
            if (seq.size() >= 1 && seq.getObjectAt(0) instanceof org.bouncycastle.asn1.ASN1Enumerated) {
                OCSPResponse resp = OCSPResponse.getInstance(seq);
                if (resp.getResponseStatus().getIntValue() != OCSPResponseStatus.SUCCESSFUL || resp.getResponseBytes() == null
                        || !OCSPObjectIdentifiers.id_pkix_ocsp_basic.equals(resp.getResponseBytes().getResponseType())) {
                    throw new InvalidInputException("ocspResponse", "must be a successful basic OCSP response");
                }
                return BasicOCSPResponse.getInstance(resp.getResponseBytes().getResponse().getOctets());
            }
            return BasicOCSPResponse.getInstance(seq);
        } catch (IOException | RuntimeException e) {
            if (e instanceof InvalidInputException iie) {
                throw iie;
            }
            throw new InvalidInputException("ocspResponse", "must be a DER OCSP response: " + e.getMessage());
        }
    }

    /** The same answer fetched for two chains (a shared intermediate) is embedded once. */
    private static List<byte[]> distinct(List<byte[]> in) {
        List<byte[]> out = new ArrayList<>();
        for (byte[] b : in) {
            if (out.stream().noneMatch(o -> java.util.Arrays.equals(o, b))) {
                out.add(b);
            }
        }
        return out;
    }

    private static SignerInfo withUnsigned(SignerInfo si, Attribute... added) {
        ASN1EncodableVector v = new ASN1EncodableVector();
        if (si.getUnauthenticatedAttributes() != null) {
            for (ASN1Encodable e : si.getUnauthenticatedAttributes()) {
                v.add(e);
            }
        }
        for (Attribute a : added) {
            v.add(a);
        }
        return new SignerInfo(si.getSID(), si.getDigestAlgorithm(), si.getAuthenticatedAttributes(),
                si.getDigestEncryptionAlgorithm(), si.getEncryptedDigest(), new DERSet(v));
    }

    /**
     * Merges certificates into a certificate set, without duplicates.
     *
     * @param existing the set in the signed data, or {@code null}
     * @param added the certificates to add
     * @return the new set
     */
    public static ASN1Set mergeCertificates(ASN1Set existing, List<X509Certificate> added) {
        ASN1EncodableVector v = new ASN1EncodableVector();
        Set<ASN1Primitive> seen = new LinkedHashSet<>();
        if (existing != null) {
            for (ASN1Encodable e : existing) {
                if (seen.add(e.toASN1Primitive())) {
                    v.add(e);
                }
            }
        }
        for (X509Certificate c : added) {
            Certificate cert = Certificate.getInstance(Certs.encoded(c));
            if (seen.add(cert.toASN1Primitive())) {
                v.add(cert);
            }
        }
        return new DERSet(v);
    }

    private static SignedData parse(byte[] der) {
        try (ASN1InputStream in = new ASN1InputStream(der)) {
            ContentInfo ci = ContentInfo.getInstance(in.readObject());
            if (!CMSObjectIdentifiers.signedData.equals(ci.getContentType())) {
                throw new IOException("content type " + ci.getContentType() + " is not signed data");
            }
            return SignedData.getInstance(ci.getContent());
        } catch (IOException | RuntimeException e) {
            throw new InvalidInputException("cmsSignedData", "must be DER CMS signed data: " + e.getMessage());
        }
    }

    private static byte[] encode(SignedData sd, List<SignerInfo> signers, ASN1Set certificates) {
        SignedData out = new SignedData(sd.getDigestAlgorithms(), sd.getEncapContentInfo(), certificates, sd.getCRLs(),
                new DERSet(signers.toArray(new SignerInfo[0])));
        try {
            return new ContentInfo(CMSObjectIdentifiers.signedData, out).getEncoded(ASN1Encoding.DER);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}

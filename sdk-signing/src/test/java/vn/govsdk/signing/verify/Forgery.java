package vn.govsdk.signing.verify;

import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1GeneralizedTime;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.CMSObjectIdentifiers;
import org.bouncycastle.asn1.cms.Time;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.ocsp.OCSPResponse;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.tsp.MessageImprint;
import org.bouncycastle.asn1.tsp.TSTInfo;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.SignerInformationStore;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import vn.govsdk.testkit.pki.TestCredential;

/**
 * What a hostile signer builds by hand with Bouncy Castle, without going through govsdk's signers (which
 * refuse such keys): detached CMS signatures with any claimed signing time, any embedded OCSP answers
 * and any RFC 3161 token, and tokens signed by any key, with any {@code genTime}.
 */
final class Forgery {

    private Forgery() {
    }

    /**
     * A detached CAdES-shaped signature over {@code data}: signed attributes contentType, messageDigest,
     * signingTime and signingCertificateV2; the given OCSP answers in {@code SignedData.crls}
     * ({@code id-ri-ocsp-response}); and, if {@code tsa} is given, a signature timestamp it makes.
     */
    static byte[] cades(TestCredential signer, byte[] data, Instant claimedSigningTime, List<byte[]> ocsp,
            TestCredential tsa, Instant genTime) throws Exception {
        return cades(signer.privateKey(), signer.chain(), data, claimedSigningTime, ocsp, tsa, genTime);
    }

    /** The same, for a key and chain the test made itself. */
    static byte[] cades(PrivateKey key, List<X509Certificate> chain, byte[] data, Instant claimedSigningTime,
            List<byte[]> ocsp, TestCredential tsa, Instant genTime) throws Exception {
        String algorithm = key.getAlgorithm().equals("EC") ? "SHA256withECDSA" : "SHA256withRSA";
        ASN1EncodableVector attrs = new ASN1EncodableVector();
        attrs.add(new Attribute(CMSAttributes.signingTime, new DERSet(new Time(Date.from(claimedSigningTime)))));
        attrs.add(new Attribute(PKCSObjectIdentifiers.id_aa_signingCertificateV2,
                new DERSet(signingCertificateV2(chain.get(0)))));
        CMSSignedDataGenerator gen = new CMSSignedDataGenerator();
        gen.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder().build())
                .setSignedAttributeGenerator(new DefaultSignedAttributeTableGenerator(new AttributeTable(attrs)))
                .build(new JcaContentSignerBuilder(algorithm).build(key), chain.get(0)));
        gen.addCertificates(new JcaCertStore(chain));
        for (byte[] o : ocsp) {
            gen.addOtherRevocationInfo(CMSObjectIdentifiers.id_ri_ocsp_response, OCSPResponse.getInstance(o));
        }
        CMSSignedData sd = gen.generate(new CMSProcessableByteArray(data), false);
        if (tsa == null) {
            return sd.getEncoded(ASN1Encoding.DER);
        }
        SignerInformation si = sd.getSignerInfos().getSigners().iterator().next();
        byte[] token = token(tsa.privateKey(), tsa.chain(), MessageDigest.getInstance("SHA-256").digest(si.getSignature()),
                genTime);
        ASN1EncodableVector unsigned = new ASN1EncodableVector();
        unsigned.add(new Attribute(PKCSObjectIdentifiers.id_aa_signatureTimeStampToken,
                new DERSet(ASN1Primitive.fromByteArray(token))));
        SignerInformation stamped = SignerInformation.replaceUnsignedAttributes(si, new AttributeTable(unsigned));
        return CMSSignedData.replaceSigners(sd, new SignerInformationStore(stamped)).getEncoded(ASN1Encoding.DER);
    }

    /**
     * An RFC 3161 token (CMS signed data over a TSTInfo) over a SHA-256 imprint, signed by any key: what a
     * signer makes who plays his own timestamp authority.
     */
    static byte[] token(PrivateKey key, List<X509Certificate> chain, byte[] sha256Imprint, Instant genTime)
            throws Exception {
        TSTInfo info = new TSTInfo(new ASN1ObjectIdentifier("2.999.704.2.1"),
                new MessageImprint(new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256), sha256Imprint),
                new ASN1Integer(BigInteger.valueOf(genTime.getEpochSecond())), new ASN1GeneralizedTime(Date.from(genTime)),
                null, null, null, null, null);
        ASN1EncodableVector attrs = new ASN1EncodableVector();
        attrs.add(new Attribute(PKCSObjectIdentifiers.id_aa_signingCertificateV2,
                new DERSet(signingCertificateV2(chain.get(0)))));
        String algorithm = key.getAlgorithm().equals("EC") ? "SHA256withECDSA" : "SHA256withRSA";
        CMSSignedDataGenerator gen = new CMSSignedDataGenerator();
        gen.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder().build())
                .setSignedAttributeGenerator(new DefaultSignedAttributeTableGenerator(new AttributeTable(attrs)))
                .build(new JcaContentSignerBuilder(algorithm).build(key), chain.get(0)));
        gen.addCertificates(new JcaCertStore(chain));
        return gen.generate(new CMSProcessableByteArray(PKCSObjectIdentifiers.id_ct_TSTInfo,
                info.getEncoded(ASN1Encoding.DER)), true).getEncoded(ASN1Encoding.DER);
    }

    private static ASN1Encodable signingCertificateV2(X509Certificate cert) throws Exception {
        byte[] hash = MessageDigest.getInstance("SHA-256").digest(cert.getEncoded());
        return new SigningCertificateV2(new ESSCertIDv2[] {new ESSCertIDv2(hash)});
    }
}

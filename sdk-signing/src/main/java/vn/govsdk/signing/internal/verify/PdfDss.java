package vn.govsdk.signing.internal.verify;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.ASN1TaggedObject;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.cms.SignedData;
import org.bouncycastle.asn1.cms.SignerInfo;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.ocsp.OCSPResponse;
import org.bouncycastle.asn1.ocsp.OCSPResponseStatus;
import org.bouncycastle.asn1.ocsp.ResponseBytes;
import org.bouncycastle.asn1.x509.CertificateList;
import vn.govsdk.signing.ValidationData;
import vn.govsdk.signing.internal.Certs;

/**
 * The validation data a PDF carries for its signatures: the document security store of PAdES B-LT
 * ({@code /DSS} in the catalog: {@code /Certs}, {@code /OCSPs}, {@code /CRLs} and the {@code /VRI}
 * entries that say which belong to which signature), and Adobe's {@code adbe-revocationInfoArchival}
 * signed attribute of a signature's CMS. What cannot be read is left out: the verifier then lacks it and
 * says so, rather than trusting anything unread.
 */
final class PdfDss {

    /** {@code adbe-revocationInfoArchival} (PDF 32000-1, 12.8.3.3.2). */
    private static final String ADOBE_REVOCATION = "1.2.840.113583.1.1.8";

    private final ValidationData all;

    private PdfDss(ValidationData all) {
        this.all = all;
    }

    /**
     * Reads the DSS of a PDF.
     *
     * @param doc the PDF
     * @return the DSS, empty when the PDF has none
     */
    static PdfDss read(PDDocument doc, Budget budget) {
        COSDictionary dss = doc.getDocumentCatalog().getCOSObject().getCOSDictionary(COSName.getPDFName("DSS"));
        if (dss == null) {
            return new PdfDss(ValidationData.EMPTY);
        }
        return new PdfDss(data(dss, budget));
    }

    /**
     * Returns whether the DSS holds validation data.
     *
     * @return {@code false} when there is no DSS or it is empty
     */
    boolean isEmpty() {
        return all.isEmpty();
    }

    /**
     * Returns the validation data of the DSS: all of it, for every signature (a signature's data may be
     * shared with, or listed only under, another signature's VRI entry, and a VRI entry is optional).
     *
     * @return the data
     */
    ValidationData data() {
        return all;
    }

    private static ValidationData data(COSDictionary d, Budget budget) {
        List<X509Certificate> c = new ArrayList<>();
        for (byte[] der : streams(d, "Certs", budget)) {
            try {
                c.add(Certs.parse(der));
            } catch (CertificateException | RuntimeException e) {
                // Not a certificate: left out.
            }
        }
        List<byte[]> o = new ArrayList<>();
        for (byte[] der : streams(d, "OCSPs", budget)) {
            if (isOcspResponse(der)) {
                o.add(der);
            }
        }
        List<byte[]> r = new ArrayList<>();
        for (byte[] der : streams(d, "CRLs", budget)) {
            if (isCrl(der)) {
                r.add(der);
            }
        }
        return new ValidationData(c, o, r);
    }

    private static List<byte[]> streams(COSDictionary d, String key, Budget budget) {
        List<byte[]> out = new ArrayList<>();
        COSArray a = d.getCOSArray(COSName.getPDFName(key));
        for (int i = 0; a != null && i < a.size() && i < 10_000; i++) {
            COSBase b = a.getObject(i);
            if (b instanceof COSStream s) {
                try {
                    // Decoded within the limits (a bomb stops there); data beyond 4 MiB is no certificate, OCSP response or CRL we take.
                    byte[] data = PdfStreams.bytes(s, budget, Long.MAX_VALUE);
                    if (data.length <= 4 * 1024 * 1024) {
                        out.add(data);
                    }
                } catch (IOException e) {
                    // An unreadable stream is left out.
                }
            }
        }
        return out;
    }

    /**
     * Returns the validation data a signature's CMS carries in Adobe's {@code adbe-revocationInfoArchival}
     * signed attribute (what Acrobat and many Vietnamese signing tools embed); the CMS verifier reads the
     * rest of the CMS (certificates, CRLs, RFC 5940 OCSP responses, CAdES certificate and revocation values).
     *
     * @param cms the DER CMS
     * @return the data, empty when there is none or the CMS cannot be read
     */
    static ValidationData fromAdobeArchive(byte[] cms) {
        List<byte[]> ocsps = new ArrayList<>();
        List<byte[]> crls = new ArrayList<>();
        try {
            SignedData sd = SignedData.getInstance(ContentInfo.getInstance(ASN1Primitive.fromByteArray(cms)).getContent());
            for (ASN1Encodable e : sd.getSignerInfos()) {
                SignerInfo si = SignerInfo.getInstance(e);
                if (si.getAuthenticatedAttributes() == null) {
                    continue;
                }
                for (ASN1Encodable a : si.getAuthenticatedAttributes()) {
                    Attribute attr = Attribute.getInstance(a);
                    if (attr.getAttrType().getId().equals(ADOBE_REVOCATION) && attr.getAttrValues().size() == 1) {
                        adobeArchive(ASN1Sequence.getInstance(attr.getAttrValues().getObjectAt(0)), ocsps, crls);
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            return ValidationData.EMPTY;
        }
        return new ValidationData(List.of(), ocsps, crls);
    }

    /**
     * Converts to what the certificate validator takes.
     *
     * @param data the data
     * @return the same data for the verifier's embedded-data hook
     */
    static EmbeddedValidationData toEmbedded(ValidationData data) {
        return data.isEmpty() ? EmbeddedValidationData.NONE
                : new EmbeddedValidationData(data.certificates(), data.ocspResponses(), data.crls());
    }

    /** RevocationInfoArchival ::= SEQUENCE { crl [0] EXPLICIT SEQUENCE OF CRLs, ocsp [1] EXPLICIT SEQUENCE OF OCSPResponse, ... } */
    private static void adobeArchive(ASN1Sequence archive, List<byte[]> ocsps, List<byte[]> crls) throws IOException {
        for (ASN1Encodable e : archive) {
            if (!(e instanceof ASN1TaggedObject t)) {
                continue;
            }
            ASN1Sequence items = ASN1Sequence.getInstance(t.getExplicitBaseObject());
            for (ASN1Encodable item : items) {
                byte[] der = item.toASN1Primitive().getEncoded(ASN1Encoding.DER);
                if (t.getTagNo() == 0) {
                    addCrl(der, crls);
                } else if (t.getTagNo() == 1) {
                    addOcsp(der, ocsps);
                }
            }
        }
    }

    private static void addOcsp(byte[] der, List<byte[]> out) {
        if (isOcspResponse(der)) {
            out.add(der);
        }
    }

    private static void addCrl(byte[] der, List<byte[]> out) {
        if (isCrl(der)) {
            out.add(der);
        }
    }

    private static boolean isOcspResponse(byte[] der) {
        try {
            OCSPResponse r = OCSPResponse.getInstance(ASN1Primitive.fromByteArray(der));
            ResponseBytes rb = r.getResponseBytes();
            return r.getResponseStatus().getIntValue() == OCSPResponseStatus.SUCCESSFUL && rb != null
                    && OCSPObjectIdentifiers.id_pkix_ocsp_basic.equals(rb.getResponseType());
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static boolean isCrl(byte[] der) {
        try {
            CertificateList.getInstance(ASN1Primitive.fromByteArray(der));
            CertificateFactory.getInstance("X.509").generateCRL(new ByteArrayInputStream(der));
            return true;
        } catch (Exception e) {
            return false;
        }
    }
}

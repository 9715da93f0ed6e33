package vn.govsdk.signing.internal.pades;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.TimeZone;
import javax.security.auth.x500.X500Principal;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.SignatureOptions;
import org.apache.pdfbox.pdmodel.interactive.form.PDAcroForm;
import org.apache.pdfbox.pdmodel.interactive.form.PDField;
import org.apache.pdfbox.pdmodel.interactive.form.PDSignatureField;
import vn.govsdk.core.InvalidInputException;
import vn.govsdk.signing.Document;
import vn.govsdk.signing.PreparedSignature;
import vn.govsdk.signing.SignatureAlgorithm;
import vn.govsdk.signing.SignatureFormat;
import vn.govsdk.signing.SignaturePackaging;
import vn.govsdk.signing.SignedDocument;
import vn.govsdk.signing.SigningException;
import vn.govsdk.signing.internal.SigningAccess;
import vn.govsdk.signing.internal.cades.CmsEngine;

/**
 * Adds a PAdES signature to a PDF as an incremental update: the new revision with a zero-filled
 * {@code /Contents} is written at {@code prepare}, the CMS signed attributes over its byte ranges are
 * what the key signs (built by the CAdES engine), and {@code complete} writes the CMS into the
 * reserved space.
 */
public final class PdfSignatureBuilder {

    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    private final SignatureAlgorithm algorithm;
    private final Clock clock;
    private final String fieldName;
    private final String reason;
    private final String location;
    private VisibleAppearance visible;
    private PadesLevel level = PadesLevel.B_B;

    /**
     * Sets what the level adds to B-B (signature timestamp, DSS).
     *
     * @param level the level support
     * @return this builder
     */
    public PdfSignatureBuilder level(PadesLevel level) {
        this.level = level;
        return this;
    }

    /**
     * Creates the builder.
     *
     * @param algorithm the algorithm, or {@code null} for the key's default
     * @param clock the clock giving the signing time
     * @param fieldName the signature field's name, or {@code null} for the first free {@code SignatureN}
     * @param reason the /Reason, or {@code null}
     * @param location the /Location, or {@code null}
     */
    public PdfSignatureBuilder(SignatureAlgorithm algorithm, Clock clock, String fieldName, String reason, String location) {
        this.algorithm = algorithm;
        this.clock = clock;
        this.fieldName = fieldName;
        this.reason = reason;
        this.location = location;
    }

    /**
     * Makes the signature visible (a widget with an appearance on one page).
     *
     * @param appearance what to show and where, or {@code null} for an invisible signature
     * @return this builder
     */
    public PdfSignatureBuilder visible(VisibleAppearance appearance) {
        this.visible = appearance;
        return this;
    }

    /**
     * Prepares the signature.
     *
     * @param document the PDF
     * @param chain the certificate chain, signer first
     * @return the prepared signature
     */
    public PreparedSignature prepare(Document document, List<X509Certificate> chain) {
        Instant signingTime = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        IncrementalRevision revision;
        PdfSource source = source(document);
        try (PDDocument pdf = Loader.loadPDF(source.randomAccess())) {
            String name = fieldName == null ? freeName(pdf) : checkFree(pdf, fieldName);
            PDSignature sig = new PDSignature();
            sig.setFilter(PDSignature.FILTER_ADOBE_PPKLITE);
            sig.setSubFilter(PDSignature.SUBFILTER_ETSI_CADES_DETACHED);
            String cn = commonName(chain.get(0));
            if (cn != null) {
                sig.setName(cn);
            }
            if (reason != null) {
                sig.setReason(reason);
            }
            if (location != null) {
                sig.setLocation(location);
            }
            Calendar m = new GregorianCalendar(TimeZone.getTimeZone(VIETNAM));
            m.setTimeInMillis(signingTime.toEpochMilli());
            sig.setSignDate(m);
            try (SignatureOptions options = new SignatureOptions()) {
                options.setPreferredSignatureSize(IncrementalRevision.PDFBOX_PLACEHOLDER);
                if (visible != null) {
                    visible.apply(pdf, options, cn, signingTime, reason, location);
                }
                pdf.addSignature(sig, options);
                PDAcroForm form = pdf.getDocumentCatalog().getAcroForm(null);
                for (PDField f : form.getFields()) {
                    if (f instanceof PDSignatureField sf && sf.getSignature() != null
                            && sf.getSignature().getCOSObject() == sig.getCOSObject()) {
                        f.setPartialName(name);
                        if (visible != null) {
                            visible.finish(pdf, sf);
                        }
                    }
                }
                // A classic cross-reference table for the update: PDFBox's cross-reference streams leave
                // themselves out of their index, which qpdf reports as a wrong /Size.
                pdf.getDocument().setIsXRefStream(false);
                revision = IncrementalRevision.save(source, pdf, sig::getByteRange, level.reserved(chain));
            }
        } catch (IOException e) {
            throw new SigningException("the PDF " + document.name() + " cannot be read or updated: " + e.getMessage(), e);
        }
        PreparedSignature cms = new CmsEngine(SignaturePackaging.DETACHED, SignatureFormat.PADES, algorithm,
                Clock.fixed(signingTime, ZoneOffset.UTC))
                .prepare(revision.signedContent(document.name()), chain);
        SigningAccess.PreparedData data = new SigningAccess.PreparedData(SignatureFormat.PADES,
                SignaturePackaging.ENVELOPED, level.level(), cms.algorithm(), cms.contentDigestAlgorithm(),
                cms.certificateChain(), signingTime, document.name(), "application/pdf", cms.dataToSign());
        byte[] expectedDigest = messageDigest(cms.dataToSign());
        return SigningAccess.get().prepared(data, value -> {
            SignedDocument p7s = cms.complete(value);
            byte[] der = level.extendCms(p7s.bytes());
            int reserved = revision.reserved();
            if (der.length > reserved) {
                throw new SigningException("the CMS signature" + (der.length > p7s.bytes().length ? " with its timestamp" : "")
                        + " (" + der.length + " bytes) does not fit the " + reserved + " bytes reserved in the PDF "
                        + document.name() + "; nothing was written");
            }
            byte[] hex = HexFormat.of().withUpperCase().formatHex(der).getBytes(StandardCharsets.US_ASCII);
            byte[] contents = java.util.Arrays.copyOf(der, reserved);
            byte[] dss = level.afterSignature(revision.signedRandomAccess(hex), contents, der, chain, document.name());
            return SigningAccess.get().signed(data, "application/pdf", document.name(), revision.length() + dss.length, o -> {
                revision.writeTo(o, hex, cms.contentDigestAlgorithm(), expectedDigest);
                o.write(dss);
            });
        });
    }

    private static PdfSource source(Document document) {
        try {
            return PdfSource.of(document);
        } catch (IOException e) {
            throw new SigningException("the PDF " + document.name() + " cannot be read: " + e.getMessage(), e);
        }
    }

    /** The messageDigest attribute of DER signed attributes: what the written bytes must hash to. */
    private static byte[] messageDigest(byte[] signedAttributes) {
        org.bouncycastle.asn1.cms.AttributeTable table = new org.bouncycastle.asn1.cms.AttributeTable(
                org.bouncycastle.asn1.ASN1Set.getInstance(signedAttributes));
        org.bouncycastle.asn1.cms.Attribute md = table.get(org.bouncycastle.asn1.cms.CMSAttributes.messageDigest);
        return org.bouncycastle.asn1.ASN1OctetString.getInstance(md.getAttrValues().getObjectAt(0)).getOctets();
    }

    private static String freeName(PDDocument pdf) {
        Set<String> used = usedNames(pdf);
        for (int i = 1; ; i++) {
            if (!used.contains("Signature" + i)) {
                return "Signature" + i;
            }
        }
    }

    private static String checkFree(PDDocument pdf, String name) {
        if (usedNames(pdf).contains(name)) {
            throw new InvalidInputException("fieldName", "must name a new field; the PDF already has a field '" + name + "'");
        }
        return name;
    }

    private static Set<String> usedNames(PDDocument pdf) {
        Set<String> used = new HashSet<>();
        PDAcroForm form = pdf.getDocumentCatalog().getAcroForm(null);
        if (form != null) {
            for (PDField f : form.getFieldTree()) {
                used.add(f.getFullyQualifiedName());
            }
        }
        return used;
    }

    private static String commonName(X509Certificate c) {
        for (String part : c.getSubjectX500Principal().getName(X500Principal.RFC2253).split(",")) {
            if (part.startsWith("CN=")) {
                return part.substring(3);
            }
        }
        return null;
    }
}

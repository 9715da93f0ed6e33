package vn.govsdk.signing.internal;

import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Date;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.X509CRLHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.OCSPException;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.SingleResp;

/**
 * The union of revocation data gathered in several passes, for example for the signer's chain and then
 * for the timestamp authority's, which share the intermediate CA. Two passes ask about the same
 * certificate and, when a second boundary falls between them, get two answers that differ only in
 * {@code producedAt}; embedding both says nothing more and makes the signature's size depend on timing.
 * So the union keeps one OCSP response per set of certificates answered for, and one CRL per issuer and
 * scope, the newest of each. Data that cannot be parsed is kept as it is, once per distinct encoding:
 * judging it is the verifier's work, not this one's.
 */
public final class RevocationUnion {

    private RevocationUnion() {
    }

    /**
     * Returns the OCSP responses with, for each set of certificates answered for, only the one produced
     * last (the first of equal times), in the order the kept responses first appeared.
     *
     * @param responses DER {@code OCSPResponse} structures
     * @return the responses kept
     */
    public static List<byte[]> ocsp(List<byte[]> responses) {
        return newestByKey(responses, RevocationUnion::ocspKey);
    }

    /**
     * Returns the CRLs with, for each issuer and scope (full or delta, issuing distribution point), only
     * the one with the latest {@code thisUpdate}, in the order the kept CRLs first appeared.
     *
     * @param crls DER CRLs
     * @return the CRLs kept
     */
    public static List<byte[]> crls(List<byte[]> crls) {
        return newestByKey(crls, RevocationUnion::crlKey);
    }

    /** A key and the time that orders items with the same key. */
    private record Keyed(String key, Date time) {
    }

    @FunctionalInterface
    private interface KeyFunction {
        Keyed apply(byte[] encoded) throws IOException, OCSPException;
    }

    private static List<byte[]> newestByKey(List<byte[]> items, KeyFunction keyOf) {
        Map<String, Kept> kept = new LinkedHashMap<>();
        for (byte[] item : items) {
            Keyed k = keyed(item, keyOf);
            // An item with a later time replaces the kept one in its place; the first of equal times stays.
            kept.merge(k.key(), new Kept(item, k.time()), (old, now) -> now.isNewerThan(old) ? now : old);
        }
        return kept.values().stream().map(Kept::item).toList();
    }

    /** An item kept for its key, with the time that orders it. */
    private record Kept(byte[] item, Date time) {
        boolean isNewerThan(Kept other) {
            return time != null && other.time != null && time.after(other.time);
        }
    }

    private static Keyed keyed(byte[] item, KeyFunction keyOf) {
        try {
            Keyed k = keyOf.apply(item);
            if (k != null) {
                return k;
            }
        } catch (IOException | OCSPException | RuntimeException e) {
            // Not parseable: kept as it is, once per distinct encoding.
        }
        try {
            return new Keyed("sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(item)), null);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }

    private static Keyed ocspKey(byte[] encoded) throws IOException, OCSPException {
        OCSPResp resp = new OCSPResp(encoded);
        if (resp.getStatus() != OCSPResp.SUCCESSFUL || !(resp.getResponseObject() instanceof BasicOCSPResp basic)) {
            return null;
        }
        TreeSet<String> ids = new TreeSet<>();
        for (SingleResp single : basic.getResponses()) {
            CertificateID id = single.getCertID();
            HexFormat hex = HexFormat.of();
            ids.add(id.getHashAlgOID().getId() + "/" + hex.formatHex(id.getIssuerNameHash()) + "/"
                    + hex.formatHex(id.getIssuerKeyHash()) + "/" + id.getSerialNumber().toString(16));
        }
        if (ids.isEmpty()) {
            return null;
        }
        return new Keyed("ocsp:" + String.join(",", ids), basic.getProducedAt());
    }

    private static Keyed crlKey(byte[] encoded) throws IOException {
        X509CRLHolder crl = new X509CRLHolder(encoded);
        HexFormat hex = HexFormat.of();
        String scope = (crl.getExtension(Extension.deltaCRLIndicator) != null ? "delta" : "full") + "/"
                + (crl.getExtension(Extension.issuingDistributionPoint) == null ? ""
                        : hex.formatHex(crl.getExtension(Extension.issuingDistributionPoint).getExtnValue().getOctets()));
        return new Keyed("crl:" + hex.formatHex(crl.getIssuer().getEncoded()) + "/" + scope, crl.getThisUpdate());
    }
}

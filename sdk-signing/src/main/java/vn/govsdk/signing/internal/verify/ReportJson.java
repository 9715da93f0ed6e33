package vn.govsdk.signing.internal.verify;

import java.util.List;
import vn.govsdk.signing.verify.CertificateInfo;
import vn.govsdk.signing.verify.Reason;
import vn.govsdk.signing.verify.SignatureReport;
import vn.govsdk.signing.verify.SignedContent;
import vn.govsdk.signing.verify.TimestampReport;
import vn.govsdk.signing.verify.VerificationReport;

/** Writes a {@link VerificationReport} as JSON. */
public final class ReportJson {

    private ReportJson() {
    }

    /**
     * Writes the report.
     *
     * @param report the report
     * @return JSON text
     */
    public static String write(VerificationReport report) {
        StringBuilder s = new StringBuilder();
        s.append("{\"document\":").append(str(report.documentName()))
                .append(",\"status\":").append(str(report.status().name()))
                .append(",\"validationTime\":").append(str(report.validationTime().toString()))
                .append(",\"revocationChecking\":").append(str(report.revocationChecking().name()))
                .append(",\"reasons\":");
        reasons(s, report.reasons());
        s.append(",\"signatures\":[");
        boolean first = true;
        for (SignatureReport r : report.signatures()) {
            if (!first) {
                s.append(',');
            }
            first = false;
            signature(s, r);
        }
        return s.append("]}").toString();
    }

    private static void signature(StringBuilder s, SignatureReport r) {
        s.append("{\"format\":").append(str(r.format().displayName()))
                .append(",\"level\":").append(str(r.level().displayName()))
                .append(",\"status\":").append(str(r.status().name()))
                .append(",\"reasons\":");
        reasons(s, r.reasons());
        s.append(",\"warnings\":");
        reasons(s, r.warnings());
        s.append(",\"signer\":");
        cert(s, r.signer().orElse(null));
        s.append(",\"integrity\":").append(str(r.integrity().name()))
                .append(",\"chainStatus\":").append(str(r.chainStatus().name()))
                .append(",\"missingIssuer\":").append(r.missingIssuer().map(ReportJson::str).orElse("null"))
                .append(",\"algorithms\":").append(str(r.algorithm()))
                .append(",\"chain\":[");
        boolean first = true;
        for (CertificateInfo c : r.chain()) {
            if (!first) {
                s.append(',');
            }
            first = false;
            cert(s, c);
        }
        s.append("],\"trustAnchor\":").append(r.trustAnchor().map(a -> str(a.subject())).orElse("null"))
                .append(",\"signingTime\":").append(r.signingTime().map(t -> str(t.toString())).orElse("null"))
                .append(",\"algorithm\":").append(str(r.algorithm()))
                .append(",\"intact\":").append(r.isIntact())
                .append(",\"revocation\":").append(str(r.revocation().name()))
                .append(",\"signedReferences\":[");
        first = true;
        for (SignedContent c : r.signedContent()) {
            if (!first) {
                s.append(',');
            }
            first = false;
            s.append(str(c.reference()));
        }
        s.append("],\"timestamp\":");
        timestamp(s, r.timestamp().orElse(null));
        s.append('}');
    }

    private static void timestamp(StringBuilder s, TimestampReport t) {
        if (t == null) {
            s.append("null");
            return;
        }
        s.append("{\"time\":").append(t.time() == null ? "null" : str(t.time().toString()))
                .append(",\"authority\":");
        cert(s, t.authority());
        s.append(",\"integrity\":").append(str(t.integrity().name()))
                .append(",\"chainStatus\":").append(str(t.chainStatus().name()))
                .append(",\"trustAnchor\":").append(t.trustAnchor() == null ? "null" : str(t.trustAnchor().subject()))
                .append(",\"policy\":").append(t.policy() == null ? "null" : str(t.policy()))
                .append(",\"provesTime\":").append(t.provesTime())
                .append(",\"reasons\":");
        reasons(s, t.reasons());
        s.append('}');
    }

    private static void cert(StringBuilder s, CertificateInfo c) {
        if (c == null) {
            s.append("null");
            return;
        }
        s.append("{\"subject\":").append(str(c.subject()))
                .append(",\"issuer\":").append(str(c.issuer()))
                .append(",\"serial\":").append(str(c.serialNumber()))
                .append(",\"serialNumber\":").append(str(c.serialNumber()))
                .append(",\"notBefore\":").append(str(String.valueOf(c.notBefore())))
                .append(",\"notAfter\":").append(str(String.valueOf(c.notAfter())))
                .append(",\"sha256\":").append(str(c.sha256Fingerprint()))
                .append(",\"identifiers\":[");
        boolean first = true;
        for (vn.govsdk.signing.verify.SignerIdentifier id : c.identifiers()) {
            s.append(first ? "" : ",").append("{\"type\":").append(str(id.kind().name()))
                    .append(",\"prefix\":").append(str(id.prefix())).append(",\"value\":").append(str(id.value()))
                    .append('}');
            first = false;
        }
        s.append("]}");
    }

    private static void reasons(StringBuilder s, List<Reason> reasons) {
        s.append('[');
        boolean first = true;
        for (Reason r : reasons) {
            if (!first) {
                s.append(',');
            }
            first = false;
            s.append("{\"code\":").append(str(r.code().name())).append(",\"message\":").append(str(r.message())).append('}');
        }
        s.append(']');
    }

    static String str(String v) {
        if (v == null) {
            return "null";
        }
        StringBuilder s = new StringBuilder("\"");
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            switch (c) {
                case '"' -> s.append("\\\"");
                case '\\' -> s.append("\\\\");
                case '\n' -> s.append("\\n");
                case '\r' -> s.append("\\r");
                case '\t' -> s.append("\\t");
                default -> {
                    if (c < 0x20) {
                        s.append(String.format("\\u%04x", (int) c));
                    } else {
                        s.append(c);
                    }
                }
            }
        }
        return s.append('"').toString();
    }
}

package vn.govsdk.signing.internal.verify;

import java.security.cert.X509Certificate;
import java.util.List;
import java.util.function.BiPredicate;

/**
 * The certificates of Vietnam's first-generation PKI known to the jar, used to name it when a document
 * chains to it but the verifier does not trust it ({@link vn.govsdk.signing.verify.TrustAnchors#historic()}
 * not added).
 */
final class HistoricPki {

    /** What to tell a reader whose document chains to the historic PKI. */
    static final String ADVICE = "part of Vietnam's first-generation (historic) PKI, which is not trusted by default: "
            + "trust it with TrustAnchors.historic() (govsdk verify --historic-trust), which accepts it for a "
            + "signature whose time a trusted timestamp proves within the validity of the CA that issued the signer";

    private final List<X509Certificate> known;

    HistoricPki(List<X509Certificate> known) {
        this.known = List.copyOf(known);
    }

    private static final class Bundled {
        static final HistoricPki INSTANCE = new HistoricPki(PinnedBundle.loadHistoric());
    }

    /** The historic PKI of the jar, loaded on first use. */
    static HistoricPki bundled() {
        return Bundled.INSTANCE;
    }

    /** Whether the certificate is one of the historic PKI's. */
    boolean contains(X509Certificate cert) {
        return known.contains(cert);
    }

    /** The historic CA that issued the certificate (checked by signature), or {@code null}. */
    X509Certificate issuerOf(X509Certificate cert, BiPredicate<X509Certificate, X509Certificate> signedBy) {
        for (X509Certificate c : known) {
            if (c.getSubjectX500Principal().equals(cert.getIssuerX500Principal()) && signedBy.test(cert, c)) {
                return c;
            }
        }
        return null;
    }
}

package vn.govsdk.signing.verify;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.KeyStoreException;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import vn.govsdk.core.InvalidInputException;
import vn.govsdk.signing.internal.verify.Pem;
import vn.govsdk.signing.internal.verify.PinnedBundle;

/**
 * The certificates a verifier trusts: trust anchors (roots, where chains must end) and known
 * intermediates (used to build chains, trusted only through an anchor).
 *
 * <p>{@link #defaults()} is the bundle shipped in the jar: the Vietnam National Root CA (NEAC) for
 * licensed public CAs and the government special-use root of Ban Cơ yếu Chính phủ (RootCA chuyên
 * dùng Chính phủ G2) for officials' signatures, with the intermediates of the licensed public CAs
 * (VNPT-CA SHA2, Viettel-CA RS, VNPT SmartCA RS, FastCA, WINCA) and of Ban Cơ yếu (the G2 CAs of state
 * agencies, of Party agencies and of software services) as chain-building certificates, so a document
 * signed under any of them chains offline. Each is pinned by its SHA-256 fingerprint: a file that does
 * not match is refused. {@link #historic()} adds Vietnam's first-generation PKI on request. Replace or extend the bundle with {@link #fromPem(Path)}, {@link #fromDirectory(Path)},
 * {@link #fromKeyStore(KeyStore)} and {@link #plus(TrustAnchors)}. Immutable.
 */
public final class TrustAnchors {

    private static volatile TrustAnchors defaults;
    private static volatile TrustAnchors historic;

    private final List<X509Certificate> anchors;
    private final List<X509Certificate> intermediates;
    private final List<X509Certificate> timeBound;

    private TrustAnchors(List<X509Certificate> anchors, List<X509Certificate> intermediates) {
        this(anchors, intermediates, List.of());
    }

    private TrustAnchors(List<X509Certificate> anchors, List<X509Certificate> intermediates,
            List<X509Certificate> timeBound) {
        this.anchors = List.copyOf(anchors);
        this.intermediates = List.copyOf(intermediates);
        this.timeBound = List.copyOf(timeBound);
    }

    /**
     * Returns the bundled Vietnamese trust anchors, checked against their pinned fingerprints.
     *
     * @return the default anchors (self-signed roots) with the bundled intermediates
     * @throws IllegalStateException if a bundled file does not match its pin (a tampered jar)
     */
    public static TrustAnchors defaults() {
        TrustAnchors d = defaults;
        if (d == null) {
            d = bundle(PinnedBundle.load(), false);
            defaults = d;
        }
        return d;
    }

    /**
     * Returns Vietnam's first-generation PKI, for documents signed under it: the SHA-1 "MIC National Root
     * CA" of 2008 with the licensed CAs it certified (VNPT-CA, Viettel-CA, BkavCA, CA2, FPT-CA, NEWTEL-CA,
     * SAFE-CA, SmartSign, EFY-CA, TrustCA; 2009 to 2024) and the first Ban Cơ yếu root of 2010 with its
     * subordinates, each pinned by SHA-256. Add it to a trust set with {@code defaults().plus(historic())}.
     * Its roots are <em>time-bound</em> anchors: a chain to one is trusted only for a signature whose time
     * a trusted timestamp proves to lie within the validity of the CA that issued the signer; otherwise
     * the report says that the document chains to the historic PKI and that its time is not proven.
     *
     * @return the historic anchors (time-bound) and intermediates
     * @throws IllegalStateException if a bundled file does not match its pin (a tampered jar)
     */
    public static TrustAnchors historic() {
        TrustAnchors h = historic;
        if (h == null) {
            h = bundle(PinnedBundle.loadHistoric(), true);
            historic = h;
        }
        return h;
    }

    /** A bundle of the jar: its self-signed roots as anchors (time-bound or not), the rest as intermediates. */
    private static TrustAnchors bundle(List<X509Certificate> certificates, boolean timeBound) {
        List<X509Certificate> roots = new ArrayList<>();
        List<X509Certificate> inter = new ArrayList<>();
        for (X509Certificate c : certificates) {
            (selfSigned(c) ? roots : inter).add(c);
        }
        return new TrustAnchors(roots, inter, timeBound ? roots : List.of());
    }

    /**
     * Trusts the given roots only as time-bound anchors, as {@link #historic()} does for Vietnam's
     * first-generation PKI: a chain to one is trusted only for a signature whose time a trusted timestamp
     * proves within the validity of the CA that issued the signer. For a department's own retired roots.
     *
     * @param roots the roots
     * @return the time-bound anchors
     * @throws InvalidInputException when the list is null or empty
     */
    public static TrustAnchors timeBound(Collection<X509Certificate> roots) {
        if (roots == null || roots.isEmpty()) {
            throw new InvalidInputException("roots", "must hold at least one certificate");
        }
        return new TrustAnchors(new ArrayList<>(roots), List.of(), new ArrayList<>(roots));
    }

    /**
     * Trusts exactly the given certificates as anchors.
     *
     * @param certificates the anchors (roots or intermediates the application trusts directly)
     * @return the trust anchors
     */
    public static TrustAnchors of(Collection<X509Certificate> certificates) {
        if (certificates == null || certificates.stream().anyMatch(java.util.Objects::isNull)) {
            throw new InvalidInputException("certificates", "must not be null or hold null");
        }
        return new TrustAnchors(new ArrayList<>(certificates), List.of());
    }

    /**
     * Trusts exactly the given certificates as anchors.
     *
     * @param certificates the anchors
     * @return the trust anchors
     */
    public static TrustAnchors of(X509Certificate... certificates) {
        return of(List.of(certificates));
    }

    /**
     * Reads anchors from a PEM bundle (one or more {@code BEGIN CERTIFICATE} blocks) or a DER file.
     *
     * @param file the file
     * @return the trust anchors
     * @throws InvalidInputException naming the file if it is missing or holds no certificate
     */
    public static TrustAnchors fromPem(Path file) {
        return of(read(file));
    }

    /**
     * Reads anchors from every {@code .pem}, {@code .crt} and {@code .cer} file of a directory.
     *
     * @param directory the directory
     * @return the trust anchors
     * @throws InvalidInputException naming the directory or file that cannot be read
     */
    public static TrustAnchors fromDirectory(Path directory) {
        if (directory == null || !Files.isDirectory(directory)) {
            throw new InvalidInputException("trust directory", directory + " is not a directory");
        }
        List<X509Certificate> certs = new ArrayList<>();
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(directory)) {
            for (Path p : ds) {
                String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
                if (Files.isRegularFile(p) && (n.endsWith(".pem") || n.endsWith(".crt") || n.endsWith(".cer"))) {
                    files.add(p);
                }
            }
        } catch (IOException e) {
            throw new InvalidInputException("trust directory", directory + " cannot be read (" + e.getClass().getSimpleName() + ")");
        }
        Collections.sort(files);
        for (Path p : files) {
            certs.addAll(read(p));
        }
        if (certs.isEmpty()) {
            throw new InvalidInputException("trust directory", directory + " holds no .pem, .crt or .cer certificate");
        }
        return of(certs);
    }

    /**
     * Takes the trusted-certificate entries of a key store (for example the JDK's {@code cacerts} or
     * an organisation's trust store) as anchors.
     *
     * @param keyStore a loaded key store
     * @return the trust anchors
     * @throws InvalidInputException if the key store holds no certificate entries
     */
    public static TrustAnchors fromKeyStore(KeyStore keyStore) {
        if (keyStore == null) {
            throw new InvalidInputException("keyStore", "must not be null");
        }
        List<X509Certificate> certs = new ArrayList<>();
        try {
            for (String alias : Collections.list(keyStore.aliases())) {
                if (keyStore.isCertificateEntry(alias)) {
                    Certificate c = keyStore.getCertificate(alias);
                    if (c instanceof X509Certificate x) {
                        certs.add(x);
                    }
                }
            }
        } catch (KeyStoreException e) {
            throw new InvalidInputException("keyStore", "is not loaded (" + e.getMessage() + ")");
        }
        if (certs.isEmpty()) {
            throw new InvalidInputException("keyStore", "holds no trusted certificate entries");
        }
        return of(certs);
    }

    /**
     * Returns these anchors and intermediates together with another set's.
     *
     * @param other more anchors
     * @return the union
     */
    public TrustAnchors plus(TrustAnchors other) {
        List<X509Certificate> a = new ArrayList<>(anchors);
        other.anchors.stream().filter(c -> !a.contains(c)).forEach(a::add);
        List<X509Certificate> i = new ArrayList<>(intermediates);
        other.intermediates.stream().filter(c -> !i.contains(c)).forEach(i::add);
        List<X509Certificate> t = new ArrayList<>(timeBound);
        other.timeBound.stream().filter(c -> !t.contains(c)).forEach(t::add);
        return new TrustAnchors(a, i, t);
    }

    /**
     * Returns these anchors with more intermediate certificates to build chains with (not trusted by themselves).
     *
     * @param certificates the intermediates
     * @return the extended set
     */
    public TrustAnchors withIntermediates(Collection<X509Certificate> certificates) {
        List<X509Certificate> i = new ArrayList<>(intermediates);
        certificates.stream().filter(c -> !i.contains(c)).forEach(i::add);
        return new TrustAnchors(anchors, i, timeBound);
    }

    /**
     * Returns the trust anchors.
     *
     * @return the anchors
     */
    public List<X509Certificate> anchors() {
        return anchors;
    }

    /**
     * Returns the anchors trusted only for signatures whose time is proven within the validity of the CA
     * that issued the signer (the roots of {@link #historic()}).
     *
     * @return the time-bound anchors, a subset of {@link #anchors()}
     */
    public List<X509Certificate> timeBoundAnchors() {
        return timeBound;
    }

    /**
     * Returns the known intermediates.
     *
     * @return the intermediates
     */
    public List<X509Certificate> intermediates() {
        return intermediates;
    }

    @Override
    public String toString() {
        List<String> names = new ArrayList<>();
        for (X509Certificate c : anchors) {
            names.add(CertificateInfo.commonName(c.getSubjectX500Principal().getName()));
        }
        return "TrustAnchors[" + anchors.size() + " anchors " + names + ", " + intermediates.size() + " intermediates"
                + (timeBound.isEmpty() ? "" : ", " + timeBound.size() + " time-bound (historic)") + "]";
    }

    private static List<X509Certificate> read(Path file) {
        if (file == null || !Files.isRegularFile(file)) {
            throw new InvalidInputException("trust file", file + " does not exist");
        }
        try {
            return Pem.certificates(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new InvalidInputException("trust file", file + " cannot be read (" + e.getClass().getSimpleName() + ")");
        } catch (CertificateException e) {
            throw new InvalidInputException("trust file", file + " holds no readable certificate: " + e.getMessage());
        }
    }

    static boolean selfSigned(X509Certificate c) {
        if (!c.getSubjectX500Principal().equals(c.getIssuerX500Principal())) {
            return false;
        }
        try {
            c.verify(c.getPublicKey());
            return true;
        } catch (java.security.GeneralSecurityException e) {
            return false;
        }
    }
}

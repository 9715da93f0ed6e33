package vn.govsdk.testkit.internal.pki;

import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.CRLReason;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.CRLNumber;
import org.bouncycastle.asn1.x509.CertificatePolicies;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.PolicyInformation;
import org.bouncycastle.cert.X509CRLHolder;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import vn.govsdk.testkit.pki.CertificateRole;
import vn.govsdk.testkit.pki.PkiEndpoints;
import vn.govsdk.testkit.pki.Revocation;

/**
 * The state behind a {@code TestPki}: the profile of each certificate, its key and certificate
 * (generated on first use, once), the revocations, and CRL generation. Thread-safe.
 */
public final class PkiEngine {

    /** How far a CRL's thisUpdate is set before the platform's clock. */
    private static final Duration CRL_BACKDATE = Duration.ofMinutes(5);

    /** The certificate policy every signer certificate carries (under the ITU-T example arc 2.999). */
    public static final String SIGNER_POLICY_OID = "2.999.704.1.1";

    /** The default TSA policy (under the ITU-T example arc 2.999). */
    public static final String DEFAULT_TSA_POLICY_OID = "2.999.704.2.1";

    /** The organisation every test PKI subject carries, so no one mistakes it for a real CA. */
    static final String TEST_ORGANISATION = "govsdk test PKI - NOT A REAL CA";

    /** A key, its certificate, and the chain from it to the root. */
    public record Issued(KeyPair keyPair, X509Certificate certificate, List<X509Certificate> chain) {

        /**
         * Copies the chain.
         *
         * @param keyPair the key pair
         * @param certificate the certificate
         * @param chain leaf to root
         */
        public Issued {
            chain = List.copyOf(chain);
        }

        /**
         * Returns the private key.
         *
         * @return the private key
         */
        public PrivateKey privateKey() {
            return keyPair.getPrivate();
        }
    }

    private final URI pkiBase;
    private final Clock clock;
    private final Instant reference;
    private final int rsaKeySize;
    private final ASN1ObjectIdentifier tsaPolicy;
    private final PkiEndpoints endpoints;
    private final Map<CertificateRole, BigInteger> serials = new EnumMap<>(CertificateRole.class);
    private final Map<CertificateRole, Lazy> issued = new EnumMap<>(CertificateRole.class);
    private final Map<CertificateRole, Revocation> initialRevocations;
    private final Map<CertificateRole, Revocation> revocations = new EnumMap<>(CertificateRole.class);
    private final AtomicLong crlNumber = new AtomicLong();
    private final java.util.Set<BigInteger> issuedSigners = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final SecureRandom random = new SecureRandom();

    /**
     * Prepares a PKI; no key is generated yet.
     *
     * @param platformBaseUrl the platform's base URL, validated by the caller, without a trailing slash
     * @param clock the clock the validity periods and answers are relative to
     * @param rsaKeySize the RSA key size of every key but the RSA 3072 and P-256 signers
     * @param tsaPolicy the TSA policy OID
     */
    public PkiEngine(URI platformBaseUrl, Clock clock, int rsaKeySize, String tsaPolicy) {
        this.pkiBase = URI.create(platformBaseUrl + PkiEndpoints.PATH_PREFIX);
        this.clock = clock;
        this.reference = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        this.rsaKeySize = rsaKeySize;
        this.tsaPolicy = new ASN1ObjectIdentifier(tsaPolicy);
        this.endpoints = new PkiEndpoints(url("/ocsp"), url("/tsa"), url("/crl/root.crl"),
                url("/crl/intermediate.crl"), url("/certs/root.cer"), url("/certs/intermediate.cer"));
        for (CertificateRole role : CertificateRole.values()) {
            serials.put(role, newSerial());
            issued.put(role, new Lazy(role));
        }
        Map<CertificateRole, Revocation> initial = new EnumMap<>(CertificateRole.class);
        initial.put(CertificateRole.SIGNER_REVOKED,
                new Revocation(reference.minus(Duration.ofDays(1)), CRLReason.KEY_COMPROMISE));
        this.initialRevocations = Collections.unmodifiableMap(initial);
        this.revocations.putAll(initial);
    }

    private URI url(String path) {
        return URI.create(pkiBase + path);
    }

    private BigInteger newSerial() {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        bytes[0] = (byte) ((bytes[0] & 0x3f) | 0x40); // positive, always 16 bytes
        return new BigInteger(1, bytes);
    }

    /**
     * Returns the URLs under {@code /pki}.
     *
     * @return the endpoints
     */
    public PkiEndpoints endpoints() {
        return endpoints;
    }

    /**
     * Returns the clock.
     *
     * @return the clock
     */
    public Clock clock() {
        return clock;
    }

    /**
     * Returns the instant, truncated to seconds, that every validity period is relative to.
     *
     * @return the reference time
     */
    public Instant referenceTime() {
        return reference;
    }

    /**
     * Returns the TSA policy.
     *
     * @return the policy OID
     */
    public ASN1ObjectIdentifier tsaPolicy() {
        return tsaPolicy;
    }

    /**
     * Returns the RSA key size used for every key but the RSA 3072 and P-256 signers.
     *
     * @return the size in bits
     */
    public int rsaKeySize() {
        return rsaKeySize;
    }

    /**
     * Returns the serial number a role's certificate has (or will have), without generating anything.
     *
     * @param role the role
     * @return the serial number
     */
    public BigInteger serial(CertificateRole role) {
        return serials.get(role);
    }

    /**
     * Returns a role's key and certificate, generating them (and their issuers) on first use.
     *
     * @param role the role
     * @return the credential
     */
    public Issued issued(CertificateRole role) {
        return issued.get(role).get();
    }

    /**
     * Issues a new RSA 2048 end-entity signer certificate from the intermediate CA, with the profile of
     * the {@link CertificateRole#SIGNER_RSA_2048} certificate (validity, key usage, policy, AIA, CRL
     * distribution point) and the subject {@code C=VN, O=<test organisation>, CN=commonName, UID=uid}.
     * The OCSP responder answers {@code good} for it from then on.
     *
     * @param commonName the subject's common name
     * @param uid the subject's UID attribute, for example {@code CCCD:079203000101}
     * @return the new key, certificate and chain (leaf, intermediate, root)
     */
    public Issued issueSigner(String commonName, String uid) {
        try {
            KeyPair keyPair = rsa(2048);
            Issued issuer = issued(CertificateRole.INTERMEDIATE_CA);
            BigInteger serial = newSerial();
            long[] days = validityDays(CertificateRole.SIGNER_RSA_2048);
            X500NameBuilder name = new X500NameBuilder(BCStyle.INSTANCE);
            name.addRDN(BCStyle.C, "VN");
            name.addRDN(BCStyle.O, TEST_ORGANISATION);
            name.addRDN(BCStyle.CN, commonName);
            name.addRDN(BCStyle.UID, uid);
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subjectOf(issuer.certificate()), serial,
                    Date.from(reference.plus(Duration.ofDays(days[0]))),
                    Date.from(reference.plus(Duration.ofDays(days[1]))), name.build(), keyPair.getPublic());
            JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
            builder.addExtension(Extension.subjectKeyIdentifier, false,
                    utils.createSubjectKeyIdentifier(keyPair.getPublic()));
            builder.addExtension(Extension.authorityKeyIdentifier, false,
                    utils.createAuthorityKeyIdentifier(issuer.certificate()));
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            builder.addExtension(Extension.keyUsage, true,
                    new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
            builder.addExtension(Extension.certificatePolicies, false,
                    new CertificatePolicies(new PolicyInformation(new ASN1ObjectIdentifier(SIGNER_POLICY_OID))));
            addLocations(builder, endpoints.intermediateCertificate(), endpoints.intermediateCrl());
            X509Certificate certificate = new JcaX509CertificateConverter()
                    .getCertificate(builder.build(signer(issuer.privateKey())));
            issuedSigners.add(serial);
            List<X509Certificate> chain = new ArrayList<>();
            chain.add(certificate);
            chain.addAll(issuer.chain());
            return new Issued(keyPair, certificate, chain);
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot issue a test signer certificate", e);
        }
    }

    /**
     * Tells whether the intermediate CA issued a certificate with this serial number through
     * {@link #issueSigner(String, String)}.
     *
     * @param serial the serial number
     * @return whether it did
     */
    public boolean isIssuedSigner(BigInteger serial) {
        return issuedSigners.contains(serial);
    }

    /**
     * Returns the issuer of a role: the root for itself and for the intermediate, the intermediate for
     * every other role.
     *
     * @param role the role
     * @return its issuer's role
     */
    public static CertificateRole issuerOf(CertificateRole role) {
        return switch (role) {
            case ROOT_CA, INTERMEDIATE_CA -> CertificateRole.ROOT_CA;
            default -> CertificateRole.INTERMEDIATE_CA;
        };
    }

    /**
     * Finds the role whose certificate the given issuer issued with the given serial number.
     *
     * @param issuer the issuing CA
     * @param serial the serial number
     * @return the role, or empty when the CA issued no such certificate
     */
    public Optional<CertificateRole> roleIssuedBy(CertificateRole issuer, BigInteger serial) {
        for (CertificateRole role : CertificateRole.values()) {
            if (role != CertificateRole.ROOT_CA && issuerOf(role) == issuer && serials.get(role).equals(serial)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }

    /**
     * Returns the current revocation of a role.
     *
     * @param role the role
     * @return the revocation, or empty when the certificate is not revoked
     */
    public Optional<Revocation> revocation(CertificateRole role) {
        synchronized (revocations) {
            return Optional.ofNullable(revocations.get(role));
        }
    }

    /**
     * Revokes a role's certificate now (by the clock). A second revocation keeps the first.
     *
     * @param role the role, never the root
     * @param reason the reason
     * @return the revocation in force
     */
    public Revocation revoke(CertificateRole role, CRLReason reason) {
        if (role == CertificateRole.ROOT_CA) {
            throw new IllegalArgumentException("the root CA cannot be revoked");
        }
        synchronized (revocations) {
            return revocations.computeIfAbsent(role,
                    r -> new Revocation(clock.instant().truncatedTo(ChronoUnit.SECONDS), reason));
        }
    }

    /** Restores the revocations the PKI started with (only {@link CertificateRole#SIGNER_REVOKED}). */
    public void resetRevocations() {
        synchronized (revocations) {
            revocations.clear();
            revocations.putAll(initialRevocations);
        }
    }

    /**
     * Generates the DER CRL of a CA now: this update is the clock's instant, next update one day later,
     * each call with a higher CRL number.
     *
     * @param issuer {@link CertificateRole#ROOT_CA} or {@link CertificateRole#INTERMEDIATE_CA}
     * @return the DER bytes
     */
    public byte[] crl(CertificateRole issuer) {
        if (!issuer.isCertificateAuthority()) {
            throw new IllegalArgumentException(issuer + " issues no CRL");
        }
        Issued ca = issued(issuer);
        // Backdated a few minutes, as real CAs do, so that a verifier whose clock is slightly behind
        // the platform's does not see a CRL that is "not yet valid".
        Instant thisUpdate = clock.instant().truncatedTo(ChronoUnit.SECONDS).minus(CRL_BACKDATE);
        X509v2CRLBuilder builder = new X509v2CRLBuilder(subjectOf(ca.certificate()), Date.from(thisUpdate));
        builder.setNextUpdate(Date.from(thisUpdate.plus(Duration.ofDays(1))));
        Map<CertificateRole, Revocation> snapshot;
        synchronized (revocations) {
            snapshot = new LinkedHashMap<>(revocations);
        }
        snapshot.forEach((role, revocation) -> {
            if (role != CertificateRole.ROOT_CA && issuerOf(role) == issuer) {
                builder.addCRLEntry(serials.get(role), Date.from(revocation.revokedAt()),
                        revocation.reason().ordinal());
            }
        });
        try {
            JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
            builder.addExtension(Extension.authorityKeyIdentifier, false,
                    utils.createAuthorityKeyIdentifier(ca.certificate()));
            builder.addExtension(Extension.cRLNumber, false,
                    new CRLNumber(BigInteger.valueOf(crlNumber.incrementAndGet())));
            X509CRLHolder crl = builder.build(signer(ca.privateKey()));
            return crl.getEncoded();
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot build the CRL of " + issuer, e);
        }
    }

    /**
     * Returns a content signer for a CA or responder key: SHA256withRSA or SHA256withECDSA.
     *
     * @param key the private key
     * @return the signer
     */
    public static ContentSigner signer(PrivateKey key) {
        String algorithm = "EC".equals(key.getAlgorithm()) ? "SHA256withECDSA" : "SHA256withRSA";
        try {
            return new JcaContentSignerBuilder(algorithm).build(key);
        } catch (OperatorCreationException e) {
            throw new IllegalStateException("cannot sign with " + algorithm, e);
        }
    }

    /**
     * Returns a certificate's subject as a Bouncy Castle name, byte for byte.
     *
     * @param certificate the certificate
     * @return the subject
     */
    public static X500Name subjectOf(X509Certificate certificate) {
        return X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded());
    }

    // ---------------------------------------------------------------- generation

    private final class Lazy {
        private final CertificateRole role;
        private volatile Issued value;

        Lazy(CertificateRole role) {
            this.role = role;
        }

        Issued get() {
            Issued result = value;
            if (result == null) {
                synchronized (this) {
                    result = value;
                    if (result == null) {
                        result = generate(role);
                        value = result;
                    }
                }
            }
            return result;
        }
    }

    private Issued generate(CertificateRole role) {
        try {
            KeyPair keyPair = keyPair(role);
            if (role == CertificateRole.ROOT_CA) {
                X509Certificate root = certificate(role, keyPair, subject(role), keyPair.getPrivate(), null);
                return new Issued(keyPair, root, List.of(root));
            }
            Issued issuer = issued(issuerOf(role));
            X509Certificate certificate = certificate(role, keyPair, subjectOf(issuer.certificate()),
                    issuer.privateKey(), issuer.certificate());
            List<X509Certificate> chain = new ArrayList<>();
            chain.add(certificate);
            chain.addAll(issuer.chain());
            return new Issued(keyPair, certificate, chain);
        } catch (GeneralSecurityException | IOException | OperatorCreationException e) {
            throw new IllegalStateException("cannot generate the test PKI certificate " + role, e);
        }
    }

    private KeyPair keyPair(CertificateRole role) throws GeneralSecurityException {
        switch (role) {
            case SIGNER_EC_P256: {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
                generator.initialize(new ECGenParameterSpec("secp256r1"), random);
                return generator.generateKeyPair();
            }
            case SIGNER_RSA_2048:
                return rsa(2048);
            case SIGNER_RSA_3072:
                return rsa(3072);
            default:
                return rsa(rsaKeySize);
        }
    }

    private KeyPair rsa(int bits) throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(bits, random);
        return generator.generateKeyPair();
    }

    /** The validity period of a role, as offsets in days from the reference time. */
    private static long[] validityDays(CertificateRole role) {
        return switch (role) {
            case ROOT_CA -> new long[] {-1826, 5479};
            case INTERMEDIATE_CA -> new long[] {-1461, 3652};
            case SIGNER_EXPIRED -> new long[] {-730, -30};
            case SIGNER_NOT_YET_VALID -> new long[] {30, 760};
            case SIGNER_REVOKED -> new long[] {-30, 700};
            case TSA -> new long[] {-365, 1826};
            case OCSP_RESPONDER -> new long[] {-1, 365};
            default -> new long[] {-1, 730};
        };
    }

    /** Synthetic subject data: CN, UID, locality, province, e-mail; null where the role has none. */
    private static String[] person(CertificateRole role) {
        return switch (role) {
            case SIGNER_RSA_2048 -> new String[] {"Nguyễn Văn An", "CCCD:079203000101", "Phường Sài Gòn",
                "Thành phố Hồ Chí Minh", "nguyen.van.an@example.com"};
            case SIGNER_RSA_3072 -> new String[] {"Trần Thị Bình", "CCCD:001304000102", "Phường Ba Đình",
                "Thành phố Hà Nội", "tran.thi.binh@example.com"};
            case SIGNER_EC_P256 -> new String[] {"Lê Hoàng Cường", "CCCD:048095000103", "Phường Hải Châu",
                "Thành phố Đà Nẵng", "le.hoang.cuong@example.com"};
            case SIGNER_EXPIRED -> new String[] {"Phạm Minh Dũng", "CCCD:079088000104", "Phường Bến Thành",
                "Thành phố Hồ Chí Minh", "pham.minh.dung@example.com"};
            case SIGNER_NOT_YET_VALID -> new String[] {"Hoàng Thị Hoa", "CCCD:031199000105", "Phường Hồng Bàng",
                "Thành phố Hải Phòng", "hoang.thi.hoa@example.com"};
            case SIGNER_REVOKED -> new String[] {"Võ Quốc Huy", "CCCD:080090000106", "Phường Tân An",
                "Tỉnh Tây Ninh", "vo.quoc.huy@example.com"};
            case SIGNER_WRONG_KEY_USAGE -> new String[] {"Đặng Thu Giang", "CCCD:079301000107", "Phường Sài Gòn",
                "Thành phố Hồ Chí Minh", "dang.thu.giang@example.com"};
            default -> null;
        };
    }

    private static X500Name subject(CertificateRole role) {
        X500NameBuilder name = new X500NameBuilder(BCStyle.INSTANCE);
        name.addRDN(BCStyle.C, "VN");
        String[] person = person(role);
        if (person != null) {
            name.addRDN(BCStyle.ST, person[3]);
            name.addRDN(BCStyle.L, person[2]);
            name.addRDN(BCStyle.O, TEST_ORGANISATION);
            name.addRDN(BCStyle.CN, person[0]);
            name.addRDN(BCStyle.UID, person[1]);
            return name.build();
        }
        name.addRDN(BCStyle.O, TEST_ORGANISATION);
        name.addRDN(BCStyle.CN, switch (role) {
            case ROOT_CA -> "govsdk Test Root CA";
            case INTERMEDIATE_CA -> "govsdk Test Signing CA";
            case TSA -> "govsdk Test Time Stamping Authority";
            case OCSP_RESPONDER -> "govsdk Test OCSP Responder";
            default -> throw new IllegalStateException("no subject for " + role);
        });
        return name.build();
    }

    private X509Certificate certificate(CertificateRole role, KeyPair keyPair, X500Name issuerName,
            PrivateKey issuerKey, X509Certificate issuerCertificate)
            throws GeneralSecurityException, IOException, OperatorCreationException {
        long[] days = validityDays(role);
        Date notBefore = Date.from(reference.plus(Duration.ofDays(days[0])));
        Date notAfter = Date.from(reference.plus(Duration.ofDays(days[1])));
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuerName, serials.get(role),
                notBefore, notAfter, subject(role), keyPair.getPublic());
        JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
        builder.addExtension(Extension.subjectKeyIdentifier, false,
                utils.createSubjectKeyIdentifier(keyPair.getPublic()));
        if (issuerCertificate != null) {
            builder.addExtension(Extension.authorityKeyIdentifier, false,
                    utils.createAuthorityKeyIdentifier(issuerCertificate));
        }
        switch (role) {
            case ROOT_CA -> {
                builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
                builder.addExtension(Extension.keyUsage, true,
                        new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign | KeyUsage.digitalSignature));
            }
            case INTERMEDIATE_CA -> {
                builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(0));
                builder.addExtension(Extension.keyUsage, true,
                        new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign | KeyUsage.digitalSignature));
                builder.addExtension(Extension.certificatePolicies, false, new CertificatePolicies(
                        new PolicyInformation(new ASN1ObjectIdentifier("2.5.29.32.0"))));
                addLocations(builder, endpoints.rootCertificate(), endpoints.rootCrl());
            }
            case TSA -> {
                builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
                builder.addExtension(Extension.keyUsage, true,
                        new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
                builder.addExtension(Extension.extendedKeyUsage, true,
                        new ExtendedKeyUsage(KeyPurposeId.id_kp_timeStamping));
                addLocations(builder, endpoints.intermediateCertificate(), endpoints.intermediateCrl());
            }
            case OCSP_RESPONDER -> {
                builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
                builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
                builder.addExtension(Extension.extendedKeyUsage, false,
                        new ExtendedKeyUsage(KeyPurposeId.id_kp_OCSPSigning));
                builder.addExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nocheck, false, DERNull.INSTANCE);
                addLocations(builder, endpoints.intermediateCertificate(), endpoints.intermediateCrl());
            }
            case SIGNER_WRONG_KEY_USAGE -> {
                builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
                builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyEncipherment));
                addSignerNames(builder, role);
                addLocations(builder, endpoints.intermediateCertificate(), endpoints.intermediateCrl());
            }
            default -> {
                builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
                builder.addExtension(Extension.keyUsage, true,
                        new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
                builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(
                        new KeyPurposeId[] {KeyPurposeId.id_kp_clientAuth, KeyPurposeId.id_kp_emailProtection}));
                addSignerNames(builder, role);
                addLocations(builder, endpoints.intermediateCertificate(), endpoints.intermediateCrl());
            }
        }
        ContentSigner signer = signer(issuerKey);
        return new JcaX509CertificateConverter().getCertificate(builder.build(signer));
    }

    private static void addSignerNames(X509v3CertificateBuilder builder, CertificateRole role) throws IOException {
        builder.addExtension(Extension.certificatePolicies, false,
                new CertificatePolicies(new PolicyInformation(new ASN1ObjectIdentifier(SIGNER_POLICY_OID))));
        builder.addExtension(Extension.subjectAlternativeName, false,
                new GeneralNames(new GeneralName(GeneralName.rfc822Name, person(role)[4])));
    }

    private void addLocations(X509v3CertificateBuilder builder, URI caIssuers, URI crl) throws IOException {
        builder.addExtension(Extension.authorityInfoAccess, false, new AuthorityInformationAccess(
                new AccessDescription[] {
                    new AccessDescription(AccessDescription.id_ad_caIssuers,
                            new GeneralName(GeneralName.uniformResourceIdentifier, caIssuers.toString())),
                    new AccessDescription(AccessDescription.id_ad_ocsp,
                            new GeneralName(GeneralName.uniformResourceIdentifier, endpoints.ocsp().toString()))
                }));
        builder.addExtension(Extension.cRLDistributionPoints, false, new CRLDistPoint(new DistributionPoint[] {
            new DistributionPoint(new DistributionPointName(new GeneralNames(
                    new GeneralName(GeneralName.uniformResourceIdentifier, crl.toString()))), null, null)
        }));
    }
}

package vn.govsdk.testkit.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.net.URI;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.CRLReason;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.CertificateRevokedException;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXParameters;
import java.security.cert.PKIXReason;
import java.security.cert.X509CRL;
import java.security.cert.X509CRLEntry;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.CertificatePolicies;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import vn.govsdk.core.InvalidInputException;

/** The generated hierarchy: subjects, keys, extensions, validity, chains, exports and input checks. */
class TestPkiCertificatesTest {

    /** A fixed clock far from today, so every validity rule is checked against the clock, not the wall. */
    private static final Instant NOW = Instant.parse("2031-05-01T03:00:00.750Z");
    private static final URI BASE = URI.create("http://127.0.0.1:18080");
    private static TestPki pki;

    @BeforeAll
    static void generate() {
        pki = TestPki.builder().platformBaseUrl(BASE).clock(Clock.fixed(NOW, ZoneOffset.UTC)).build().generateAll();
    }

    static Stream<CertificateRole> goodSigners() {
        return Stream.of(CertificateRole.SIGNER_RSA_2048, CertificateRole.SIGNER_RSA_3072,
                CertificateRole.SIGNER_EC_P256);
    }

    static Stream<CertificateRole> endEntities() {
        return Stream.of(CertificateRole.values()).filter(r -> !r.isCertificateAuthority());
    }

    @ParameterizedTest
    @EnumSource(CertificateRole.class)
    void everyChainRunsFromTheCertificateToTheSelfSignedRoot(CertificateRole role) throws Exception {
        TestCredential credential = pki.credential(role);
        List<X509Certificate> chain = credential.chain();
        assertThat(chain.get(0)).isEqualTo(credential.certificate());
        assertThat(chain.get(chain.size() - 1)).isEqualTo(pki.rootCertificate());
        assertThat(chain).hasSize(switch (role) {
            case ROOT_CA -> 1;
            case INTERMEDIATE_CA -> 2;
            default -> 3;
        });
        for (int i = 0; i < chain.size(); i++) {
            X509Certificate issuer = chain.get(Math.min(i + 1, chain.size() - 1));
            chain.get(i).verify(issuer.getPublicKey());
            assertThat(chain.get(i).getIssuerX500Principal()).isEqualTo(issuer.getSubjectX500Principal());
        }
        // the private key belongs to the certificate
        String algorithm = credential.privateKey().getAlgorithm().equals("EC") ? "SHA256withECDSA" : "SHA256withRSA";
        Signature signer = Signature.getInstance(algorithm);
        signer.initSign(credential.privateKey());
        signer.update(new byte[] {1, 2, 3});
        byte[] value = signer.sign();
        Signature verifier = Signature.getInstance(algorithm);
        verifier.initVerify(credential.certificate().getPublicKey());
        verifier.update(new byte[] {1, 2, 3});
        assertThat(verifier.verify(value)).isTrue();
    }

    @Test
    void signerKeysHaveTheAdvertisedTypesAndSizes() {
        assertThat(((RSAPublicKey) pki.rsa2048Signer().certificate().getPublicKey()).getModulus().bitLength())
                .isEqualTo(2048);
        assertThat(((RSAPublicKey) pki.rsa3072Signer().certificate().getPublicKey()).getModulus().bitLength())
                .isEqualTo(3072);
        ECPublicKey ec = (ECPublicKey) pki.ecP256Signer().certificate().getPublicKey();
        assertThat(ec.getParams().getCurve().getField().getFieldSize()).isEqualTo(256);
        assertThat(((RSAPublicKey) pki.rootCertificate().getPublicKey()).getModulus().bitLength()).isEqualTo(2048);
        assertThat(pki.intermediateCertificate().getSigAlgName()).isEqualTo("SHA256withRSA");
    }

    @ParameterizedTest
    @MethodSource("goodSigners")
    void signersCarryTheKeyUsagesAndSubjectOfAVietnameseSigningCertificate(CertificateRole role) throws Exception {
        X509Certificate certificate = pki.credential(role).certificate();
        boolean[] keyUsage = certificate.getKeyUsage();
        assertThat(keyUsage[0]).as("digitalSignature").isTrue();
        assertThat(keyUsage[1]).as("nonRepudiation").isTrue();
        assertThat(keyUsage[2]).as("keyEncipherment").isFalse();
        assertThat(keyUsage[5]).as("keyCertSign").isFalse();
        assertThat(certificate.getCriticalExtensionOIDs()).contains(Extension.keyUsage.getId());
        assertThat(certificate.getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.2", "1.3.6.1.5.5.7.3.4");
        assertThat(certificate.getBasicConstraints()).isEqualTo(-1);

        X500Name subject = X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded());
        assertThat(value(subject, BCStyle.C)).isEqualTo("VN");
        assertThat(value(subject, BCStyle.UID)).matches("CCCD:\\d{12}");
        assertThat(value(subject, BCStyle.CN)).isNotBlank();
        assertThat(value(subject, BCStyle.O)).contains("NOT A REAL CA");
        assertThat(value(subject, BCStyle.L)).startsWith("Phường ");
        assertThat(value(subject, BCStyle.ST)).isNotBlank();
        assertThat(certificate.getSubjectAlternativeNames()).singleElement()
                .satisfies(name -> assertThat(name.get(1).toString()).endsWith("@example.com"));
        CertificatePolicies policies = CertificatePolicies.getInstance(
                ASN1Primitive.fromByteArray(octets(certificate, Extension.certificatePolicies)));
        assertThat(policies.getPolicyInformation()[0].getPolicyIdentifier().getId())
                .isEqualTo(TestPki.SIGNER_POLICY_OID);
    }

    @Test
    void theRsa2048SignerHasTheDocumentedVietnameseSubject() {
        X500Name subject = X500Name.getInstance(
                pki.rsa2048Signer().certificate().getSubjectX500Principal().getEncoded());
        assertThat(value(subject, BCStyle.CN)).isEqualTo("Nguyễn Văn An");
        assertThat(value(subject, BCStyle.UID)).isEqualTo("CCCD:079203000101");
        assertThat(value(subject, BCStyle.ST)).isEqualTo("Thành phố Hồ Chí Minh");
        // RDN order as Vietnamese CAs write it: C, ST, L, O, CN, UID
        assertThat(Stream.of(subject.getRDNs()).map(r -> r.getFirst().getType()).toList()).containsExactly(
                BCStyle.C, BCStyle.ST, BCStyle.L, BCStyle.O, BCStyle.CN, BCStyle.UID);
    }

    @Test
    void theWrongKeyUsageCertificateMayOnlyEncipherKeys() {
        boolean[] keyUsage = pki.wrongKeyUsageSigner().certificate().getKeyUsage();
        assertThat(keyUsage[2]).as("keyEncipherment").isTrue();
        for (int i = 0; i < keyUsage.length; i++) {
            if (i != 2) {
                assertThat(keyUsage[i]).as("key usage bit " + i).isFalse();
            }
        }
    }

    @Test
    void theJdkRefusesTheWrongKeyUsageCertificateForSignatureVerification() {
        assertThatThrownBy(() -> Signature.getInstance("SHA256withRSA")
                .initVerify(pki.wrongKeyUsageSigner().certificate()))
                .isInstanceOf(java.security.InvalidKeyException.class).hasMessageContaining("key usage");
    }

    @Test
    void theTsaCertificateHasOnlyTheCriticalTimeStampingPurpose() throws Exception {
        X509Certificate tsa = pki.tsa().certificate();
        assertThat(tsa.getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.8");
        assertThat(tsa.getCriticalExtensionOIDs()).contains(Extension.extendedKeyUsage.getId());
        assertThat(tsa.getKeyUsage()[0]).isTrue();
    }

    @Test
    void theOcspResponderCertificateIsForOcspSigningAndNeedsNoCheck() throws Exception {
        X509Certificate responder = pki.ocspResponder().certificate();
        assertThat(responder.getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.9");
        assertThat(responder.getExtensionValue(OCSPObjectIdentifiers.id_pkix_ocsp_nocheck.getId())).isNotNull();
        assertThat(responder.getKeyUsage()[0]).isTrue();
    }

    @Test
    void theCasAreCasAndTheIntermediateIssuesNoFurtherCa() {
        assertThat(pki.rootCertificate().getBasicConstraints()).isEqualTo(Integer.MAX_VALUE);
        assertThat(pki.intermediateCertificate().getBasicConstraints()).isZero();
        assertThat(pki.rootCertificate().getKeyUsage()[5]).as("keyCertSign").isTrue();
        assertThat(pki.intermediateCertificate().getKeyUsage()[6]).as("cRLSign").isTrue();
        assertThat(pki.rootCertificate().getSubjectX500Principal().getName()).contains("govsdk Test Root CA");
    }

    @ParameterizedTest
    @MethodSource("endEntities")
    void everyEndEntityPointsAtThePlatformForIssuerOcspAndCrl(CertificateRole role) throws Exception {
        X509Certificate certificate = pki.credential(role).certificate();
        assertThat(aia(certificate, AccessDescription.id_ad_caIssuers))
                .containsExactly("http://127.0.0.1:18080/pki/certs/intermediate.cer");
        assertThat(aia(certificate, AccessDescription.id_ad_ocsp)).containsExactly("http://127.0.0.1:18080/pki/ocsp");
        assertThat(crlUrls(certificate)).containsExactly("http://127.0.0.1:18080/pki/crl/intermediate.crl");
        assertThat(pki.endpoints().ocsp()).isEqualTo(URI.create("http://127.0.0.1:18080/pki/ocsp"));
    }

    @Test
    void theIntermediatePointsAtTheRootsCertificateAndCrl() throws Exception {
        X509Certificate intermediate = pki.intermediateCertificate();
        assertThat(aia(intermediate, AccessDescription.id_ad_caIssuers))
                .containsExactly("http://127.0.0.1:18080/pki/certs/root.cer");
        assertThat(aia(intermediate, AccessDescription.id_ad_ocsp)).containsExactly("http://127.0.0.1:18080/pki/ocsp");
        assertThat(crlUrls(intermediate)).containsExactly("http://127.0.0.1:18080/pki/crl/root.crl");
        assertThat(pki.rootCertificate().getExtensionValue(Extension.authorityInfoAccess.getId())).isNull();
    }

    @Test
    void validityPeriodsAreRelativeToTheClock() {
        Instant reference = Instant.parse("2031-05-01T03:00:00Z");
        assertThat(pki.referenceTime()).isEqualTo(reference);
        assertThat(pki.rsa2048Signer().certificate().getNotBefore().toInstant())
                .isEqualTo(reference.minus(Duration.ofDays(1)));
        assertThat(pki.rsa2048Signer().certificate().getNotAfter().toInstant())
                .isEqualTo(reference.plus(Duration.ofDays(730)));
        assertThat(pki.expiredSigner().certificate().getNotAfter().toInstant())
                .isEqualTo(reference.minus(Duration.ofDays(30)));
        assertThat(pki.notYetValidSigner().certificate().getNotBefore().toInstant())
                .isEqualTo(reference.plus(Duration.ofDays(30)));
        // every certificate lies within its issuer's validity
        for (CertificateRole role : CertificateRole.values()) {
            List<X509Certificate> chain = pki.credential(role).chain();
            for (int i = 0; i + 1 < chain.size(); i++) {
                assertThat(chain.get(i).getNotBefore()).isAfterOrEqualTo(chain.get(i + 1).getNotBefore());
                assertThat(chain.get(i).getNotAfter()).isBeforeOrEqualTo(chain.get(i + 1).getNotAfter());
            }
        }
    }

    @Test
    void serialNumbersArePositiveSixteenByteAndUnique() {
        Set<BigInteger> serials = new HashSet<>();
        for (CertificateRole role : CertificateRole.values()) {
            BigInteger serial = pki.credential(role).certificate().getSerialNumber();
            assertThat(serial.signum()).isPositive();
            assertThat(serial.bitLength()).isEqualTo(127);
            serials.add(serial);
        }
        assertThat(serials).hasSize(CertificateRole.values().length);
    }

    // ------------------------------------------------------------ PKIX validation (java.security.cert)

    @ParameterizedTest
    @MethodSource("goodSigners")
    void pkixAcceptsTheGoodChains(CertificateRole role) throws Exception {
        validate(pki.credential(role), Date.from(NOW), false, List.of());
    }

    @Test
    void pkixRejectsTheExpiredCertificate() {
        assertThatThrownBy(() -> validate(pki.expiredSigner(), Date.from(NOW), false, List.of()))
                .isInstanceOfSatisfying(CertPathValidatorException.class, e -> {
                    assertThat(e.getReason()).isEqualTo(CertPathValidatorException.BasicReason.EXPIRED);
                    assertThat(e.getIndex()).isZero();
                });
    }

    @Test
    void pkixRejectsTheNotYetValidCertificate() {
        assertThatThrownBy(() -> validate(pki.notYetValidSigner(), Date.from(NOW), false, List.of()))
                .isInstanceOfSatisfying(CertPathValidatorException.class, e -> assertThat(e.getReason())
                        .isEqualTo(CertPathValidatorException.BasicReason.NOT_YET_VALID));
    }

    @Test
    void pkixAcceptsTheExpiredCertificateAtATimeItWasValid() throws Exception {
        validate(pki.expiredSigner(), Date.from(NOW.minus(Duration.ofDays(100))), false, List.of());
    }

    @Test
    void pkixWithTheCrlsRejectsTheRevokedCertificateAndAcceptsAGoodOne() throws Exception {
        List<X509CRL> crls = List.of(pki.crl(CertificateRole.ROOT_CA), pki.crl(CertificateRole.INTERMEDIATE_CA));
        validate(pki.rsa2048Signer(), Date.from(NOW), true, crls);
        assertThatThrownBy(() -> validate(pki.revokedSigner(), Date.from(NOW), true, crls))
                .isInstanceOfSatisfying(CertPathValidatorException.class, e -> {
                    assertThat(e.getReason()).isEqualTo(CertPathValidatorException.BasicReason.REVOKED);
                    assertThat(e.getCause()).isInstanceOfSatisfying(CertificateRevokedException.class,
                            revoked -> {
                                assertThat(revoked.getRevocationReason()).isEqualTo(CRLReason.KEY_COMPROMISE);
                                assertThat(revoked.getRevocationDate().toInstant())
                                        .isEqualTo(pki.referenceTime().minus(Duration.ofDays(1)));
                            });
                });
    }

    @Test
    void aChainFromAnotherTestPkiIsNotTrusted() {
        TestPki other = TestPki.builder().platformBaseUrl(BASE).clock(Clock.fixed(NOW, ZoneOffset.UTC)).build();
        assertThat(other.rootCertificate().getSubjectX500Principal())
                .isEqualTo(pki.rootCertificate().getSubjectX500Principal());
        assertThatThrownBy(() -> validate(other.rsa2048Signer(), Date.from(NOW), false, List.of()))
                .isInstanceOfSatisfying(CertPathValidatorException.class, e -> assertThat(e.getReason())
                        .isIn(PKIXReason.NO_TRUST_ANCHOR, CertPathValidatorException.BasicReason.INVALID_SIGNATURE));
    }

    private static void validate(TestCredential credential, Date at, boolean revocation, List<X509CRL> crls)
            throws Exception {
        CertificateFactory factory = CertificateFactory.getInstance("X.509");
        List<X509Certificate> path = new ArrayList<>(credential.chain());
        path.remove(path.size() - 1); // the anchor is not part of the path
        PKIXParameters parameters = new PKIXParameters(Set.of(pki.trustAnchor()));
        parameters.setDate(at);
        parameters.setRevocationEnabled(revocation);
        if (!crls.isEmpty()) {
            parameters.addCertStore(CertStore.getInstance("Collection", new CollectionCertStoreParameters(crls)));
        }
        CertPathValidator.getInstance("PKIX").validate(factory.generateCertPath(path), parameters);
    }

    // ------------------------------------------------------------ revocation state

    @Test
    void revokingAtRunTimeListsTheCertificateUntilReset() {
        TestPki local = TestPki.builder().platformBaseUrl(BASE).clock(Clock.fixed(NOW, ZoneOffset.UTC)).build();
        assertThat(local.revocation(CertificateRole.SIGNER_EC_P256)).isEmpty();
        Revocation revocation = local.revoke(CertificateRole.SIGNER_EC_P256, CRLReason.SUPERSEDED);
        assertThat(revocation).isEqualTo(new Revocation(Instant.parse("2031-05-01T03:00:00Z"), CRLReason.SUPERSEDED));
        X509CRLEntry entry = local.crl(CertificateRole.INTERMEDIATE_CA)
                .getRevokedCertificate(local.ecP256Signer().certificate());
        assertThat(entry).isNotNull();
        assertThat(entry.getRevocationReason()).isEqualTo(CRLReason.SUPERSEDED);
        // a second revocation keeps the first
        assertThat(local.revoke(CertificateRole.SIGNER_EC_P256, CRLReason.KEY_COMPROMISE)).isEqualTo(revocation);

        local.resetRevocations();
        assertThat(local.revocation(CertificateRole.SIGNER_EC_P256)).isEmpty();
        assertThat(local.revocation(CertificateRole.SIGNER_REVOKED)).isPresent();
        assertThat(local.crl(CertificateRole.INTERMEDIATE_CA).getRevokedCertificates()).hasSize(1);
    }

    @Test
    void revokingTheIntermediateListsItInTheRootCrl() {
        TestPki local = TestPki.builder().platformBaseUrl(BASE).clock(Clock.fixed(NOW, ZoneOffset.UTC)).build();
        assertThat(local.crl(CertificateRole.ROOT_CA).getRevokedCertificates()).isNull();
        local.revoke(CertificateRole.INTERMEDIATE_CA, CRLReason.CA_COMPROMISE);
        assertThat(local.crl(CertificateRole.ROOT_CA).getRevokedCertificate(local.intermediateCertificate()))
                .isNotNull();
    }

    @Test
    void revokeRefusesTheRootAndMeaninglessReasons() {
        assertThatThrownBy(() -> pki.revoke(CertificateRole.ROOT_CA, CRLReason.KEY_COMPROMISE))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("role"));
        assertThatThrownBy(() -> pki.revoke(CertificateRole.SIGNER_RSA_2048, CRLReason.UNUSED))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("reason"));
        assertThatThrownBy(() -> pki.crl(CertificateRole.TSA))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("issuer"));
        assertThat(pki.revocation(CertificateRole.SIGNER_RSA_2048)).isEmpty();
    }

    // ------------------------------------------------------------ exports

    @ParameterizedTest
    @MethodSource("goodSigners")
    void pkcs12ExportHoldsTheKeyAndTheWholeChain(CertificateRole role) throws Exception {
        TestCredential credential = pki.credential(role);
        char[] password = "test-password-1".toCharArray();
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(new ByteArrayInputStream(credential.toPkcs12(password)), password);
        assertThat(store.aliases().nextElement()).isEqualTo(role.alias());
        assertThat(store.getKey(role.alias(), password)).isEqualTo(credential.privateKey());
        Certificate[] chain = store.getCertificateChain(role.alias());
        assertThat(chain).containsExactlyElementsOf(credential.chain());
    }

    @Test
    void pkcs12ExportRefusesAnEmptyOrNonAsciiPassword() {
        assertThatThrownBy(() -> pki.rsa2048Signer().toPkcs12(new char[0]))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("password"));
        assertThatThrownBy(() -> pki.rsa2048Signer().toPkcs12("mật-khẩu".toCharArray()))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.field()).isEqualTo("password");
                    assertThat(e.rule()).contains("ASCII");
                });
    }

    @Test
    void pemExportReadsBackAsTheSameChainAndKey() throws Exception {
        TestCredential credential = pki.ecP256Signer();
        CertificateFactory factory = CertificateFactory.getInstance("X.509");
        List<Certificate> read = new ArrayList<>(
                factory.generateCertificates(new ByteArrayInputStream(credential.chainPem().getBytes())));
        assertThat(read).containsExactlyElementsOf(credential.chain());
        String keyPem = credential.privateKeyPem();
        assertThat(keyPem).startsWith("-----BEGIN PRIVATE KEY-----\n").endsWith("-----END PRIVATE KEY-----\n");
        String base64 = keyPem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        PrivateKey key = KeyFactory.getInstance("EC").generatePrivate(
                new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
        assertThat(key).isEqualTo(credential.privateKey());
        assertThat(credential.toPem()).isEqualTo(keyPem + credential.chainPem());
        assertThat(pki.caCertificatesPem()).isEqualTo(pem(pki.intermediateCertificate()) + pem(pki.rootCertificate()));
        assertThat(pki.trustAnchorPem()).isEqualTo(pem(pki.rootCertificate()));
    }

    @Test
    void toStringNamesTheCertificateButNeverTheKey() {
        TestCredential credential = pki.rsa2048Signer();
        String text = credential.toString();
        String keyBase64 = Base64.getEncoder().encodeToString(credential.privateKey().getEncoded());
        assertThat(text).contains("SIGNER_RSA_2048", credential.certificate().getSerialNumber().toString(16))
                .doesNotContain(keyBase64.substring(0, 40)).doesNotContain("PRIVATE");
    }

    // ------------------------------------------------------------ input checks

    @Test
    void builderRefusesBadInputNamingTheField() {
        assertField(() -> TestPki.create(null), "platformBaseUrl");
        assertField(() -> TestPki.create(URI.create("/relative")), "platformBaseUrl");
        assertField(() -> TestPki.create(URI.create("ftp://127.0.0.1:21")), "platformBaseUrl");
        assertField(() -> TestPki.create(URI.create("http://127.0.0.1:8080/mock")), "platformBaseUrl");
        assertField(() -> TestPki.create(URI.create("http://127.0.0.1:8080/?a=b")), "platformBaseUrl");
        assertField(() -> TestPki.builder().build(), "platformBaseUrl");
        assertField(() -> TestPki.builder().rsaKeySize(1024), "rsaKeySize");
        assertField(() -> TestPki.builder().tsaPolicy("not.an.oid"), "tsaPolicy");
        assertField(() -> TestPki.builder().tsaPolicy("7.1"), "tsaPolicy");
        assertField(() -> TestPki.builder().clock(null), "clock");
        assertField(() -> pki.credential(null), "role");
    }

    @Test
    void aTrailingSlashOnTheBaseUrlIsDropped() {
        TestPki local = TestPki.create(URI.create("http://localhost:9999/"));
        assertThat(local.platformBaseUrl()).isEqualTo(URI.create("http://localhost:9999"));
        assertThat(local.endpoints().tsa()).isEqualTo(URI.create("http://localhost:9999/pki/tsa"));
        assertThat(local.endpoints().intermediateCrl())
                .isEqualTo(URI.create("http://localhost:9999/pki/crl/intermediate.crl"));
    }

    private static void assertField(Runnable call, String field) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.field()).isEqualTo(field));
    }

    // ------------------------------------------------------------ helpers

    private static String pem(X509Certificate certificate) {
        try {
            return "-----BEGIN CERTIFICATE-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(certificate.getEncoded())
                    + "\n-----END CERTIFICATE-----\n";
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String value(X500Name name, org.bouncycastle.asn1.ASN1ObjectIdentifier type) {
        RDN[] rdns = name.getRDNs(type);
        assertThat(rdns).as("RDN " + BCStyle.INSTANCE.oidToDisplayName(type)).hasSize(1);
        return IETFUtils.valueToString(rdns[0].getFirst().getValue());
    }

    private static byte[] octets(X509Certificate certificate, org.bouncycastle.asn1.ASN1ObjectIdentifier oid) {
        byte[] wrapped = certificate.getExtensionValue(oid.getId());
        assertThat(wrapped).as("extension " + oid).isNotNull();
        return DEROctetString.getInstance(wrapped).getOctets();
    }

    private static List<String> aia(X509Certificate certificate,
            org.bouncycastle.asn1.ASN1ObjectIdentifier method) throws Exception {
        AuthorityInformationAccess aia = AuthorityInformationAccess.fromExtensions(
                new JcaX509CertificateHolder(certificate).getExtensions());
        assertThat(aia).isNotNull();
        List<String> urls = new ArrayList<>();
        for (AccessDescription description : aia.getAccessDescriptions()) {
            if (description.getAccessMethod().equals(method)) {
                assertThat(description.getAccessLocation().getTagNo()).isEqualTo(GeneralName.uniformResourceIdentifier);
                urls.add(description.getAccessLocation().getName().toString());
            }
        }
        return urls;
    }

    private static List<String> crlUrls(X509Certificate certificate) throws Exception {
        CRLDistPoint points = CRLDistPoint.getInstance(
                ASN1Primitive.fromByteArray(octets(certificate, Extension.cRLDistributionPoints)));
        List<String> urls = new ArrayList<>();
        for (DistributionPoint point : points.getDistributionPoints()) {
            for (GeneralName name : GeneralNames.getInstance(point.getDistributionPoint().getName()).getNames()) {
                urls.add(name.getName().toString());
            }
        }
        return urls;
    }
}

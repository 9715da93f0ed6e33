package vn.govsdk.signing.internal.keys;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.security.AuthProvider;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.Security;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.security.auth.login.LoginException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.govsdk.core.InvalidInputException;
import vn.govsdk.signing.Pkcs11Config;
import vn.govsdk.signing.SigningException;
import vn.govsdk.signing.SigningKey;

/**
 * A key on a PKCS#11 token through SunPKCS11. The key store pairs keys with certificates by
 * {@code CKA_ID}, whatever their labels; when no pair exists (a token whose key and certificate carry
 * different ids), the key is found by signing a challenge with each private key on the token and
 * checking it against each certificate's public key, and is then used through the JDK's wrapper.
 */
public final class Pkcs11SigningKey extends JcaSigningKey {

    private static final Logger LOG = LoggerFactory.getLogger(Pkcs11SigningKey.class);
    private static final AtomicInteger COUNTER = new AtomicInteger();

    private Pkcs11SigningKey(PrivateKey key, List<X509Certificate> chain, Provider provider) {
        super(key, chain, provider);
    }

    /**
     * Opens the key a configuration points to.
     *
     * @param config the configuration
     * @return the key
     */
    public static SigningKey open(Pkcs11Config config) {
        if (config == null) {
            throw new InvalidInputException("pkcs11", "must not be null");
        }
        if (!Files.isRegularFile(config.library())) {
            throw new InvalidInputException("library", "PKCS#11 module " + config.library() + " does not exist");
        }
        Provider base = Security.getProvider("SunPKCS11");
        if (base == null) {
            throw new SigningException("the SunPKCS11 provider is missing from this JVM (module jdk.crypto.cryptoki)");
        }
        Long slotId = config.slotId().isPresent() ? Long.valueOf(config.slotId().getAsLong()) : null;
        if (config.tokenLabel().isPresent()) {
            slotId = slotForLabel(config);
        }
        StringBuilder cfg = new StringBuilder("--name=govsdk").append(COUNTER.incrementAndGet())
                .append("\nlibrary=").append(config.library().toAbsolutePath()).append('\n');
        if (slotId != null) {
            cfg.append("slot=").append(slotId).append('\n');
        } else {
            cfg.append("slotListIndex=").append(config.slotIndex().orElse(0)).append('\n');
        }
        Provider provider;
        try {
            provider = base.configure(cfg.toString());
        } catch (RuntimeException e) {
            throw new SigningException("PKCS#11 module " + config.library() + " could not be started for "
                    + (slotId != null ? "slot " + slotId : "slot index " + config.slotIndex().orElse(0))
                    + ": " + rootMessage(e) + "; is the token plugged in?", e);
        }
        char[] pin = config.pin();
        try {
            KeyStore ks;
            try {
                ks = KeyStore.getInstance("PKCS11", provider);
                ks.load(null, pin);
            } catch (IOException e) {
                if (e.getCause() instanceof LoginException || String.valueOf(rootMessage(e)).contains("CKR_PIN_INCORRECT")) {
                    throw new SigningException("the token refused the PIN; check the PIN source ("
                            + "several wrong PINs in a row lock the token)", e);
                }
                throw new SigningException("the token's key store could not be opened: " + rootMessage(e), e);
            } catch (GeneralSecurityException e) {
                throw new SigningException("the token's key store could not be opened: " + rootMessage(e), e);
            }
            List<String> keyAliases = new ArrayList<>();
            for (String alias : Collections.list(ks.aliases())) {
                if (ks.isKeyEntry(alias)) {
                    keyAliases.add(alias);
                }
            }
            LOG.debug("PKCS#11 token via {}: key entries {}", config.library(), keyAliases);
            List<String> selected = select(config, ks, keyAliases, slotId, pin);
            if (selected.size() == 1) {
                String alias = selected.get(0);
                PrivateKey key = (PrivateKey) ks.getKey(alias, null);
                return new Pkcs11SigningKey(key, chain(ks.getCertificateChain(alias)), provider);
            }
            if (selected.size() > 1) {
                throw new InvalidInputException("keyLabel", "the token holds " + selected.size()
                        + " keys with certificates; choose one with keyLabel or keyId: " + describe(ks, selected));
            }
            // No key paired with a certificate by CKA_ID: pair them by public key through the wrapper.
            return NativePairing.open(config, slotId, pin);
        } catch (GeneralSecurityException e) {
            throw new SigningException("the key could not be read from the token: " + rootMessage(e), e);
        } finally {
            Arrays.fill(pin, '\0');
        }
    }

    private static List<String> select(Pkcs11Config config, KeyStore ks, List<String> aliases, Long slotId, char[] pin)
            throws GeneralSecurityException {
        if (config.keyLabel().isEmpty() && config.keyId().isEmpty()) {
            return aliases;
        }
        if (config.keyLabel().isPresent() && aliases.contains(config.keyLabel().get())) {
            return List.of(config.keyLabel().get());
        }
        // The label may be the key's while the alias is the certificate's (or the other way round), or
        // the key is chosen by CKA_ID: look the objects up through the wrapper and match certificates.
        if (aliases.isEmpty()) {
            return aliases;
        }
        List<byte[]> wanted = NativePairing.certificatesFor(config, slotId, pin);
        List<String> matches = new ArrayList<>();
        for (String alias : aliases) {
            Certificate c = ks.getCertificate(alias);
            for (byte[] der : wanted) {
                if (c != null && Arrays.equals(c.getEncoded(), der)) {
                    matches.add(alias);
                }
            }
        }
        if (matches.isEmpty()) {
            throw new InvalidInputException(config.keyLabel().isPresent() ? "keyLabel" : "keyId",
                    "no key on the token matches " + config.keyLabel().map(l -> "label " + l)
                            .orElseGet(() -> "id " + HexFormat.of().formatHex(config.keyId().get()))
                            + "; keys on the token: " + describe(ks, aliases));
        }
        return matches;
    }

    private static String describe(KeyStore ks, List<String> aliases) throws GeneralSecurityException {
        List<String> parts = new ArrayList<>();
        for (String a : aliases) {
            Certificate c = ks.getCertificate(a);
            parts.add(a + (c instanceof X509Certificate x ? " (" + x.getSubjectX500Principal().getName() + ")" : ""));
        }
        return String.join(", ", parts);
    }

    static List<X509Certificate> chain(Certificate[] certs) {
        List<X509Certificate> chain = new ArrayList<>();
        if (certs != null) {
            for (Certificate c : certs) {
                chain.add((X509Certificate) c);
            }
        }
        return chain;
    }

    static X509Certificate parse(byte[] der) {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
        } catch (CertificateException e) {
            return null;
        }
    }

    private static long slotForLabel(Pkcs11Config config) {
        Pkcs11Native n = Pkcs11Native.open(config.library(), "choosing a token by label");
        String label = config.tokenLabel().get();
        List<Pkcs11Native.Slot> slots = n.slotsWithTokens();
        for (Pkcs11Native.Slot s : slots) {
            if (s.label().equals(label.strip())) {
                return s.id();
            }
        }
        List<String> labels = new ArrayList<>();
        for (Pkcs11Native.Slot s : slots) {
            labels.add("'" + s.label() + "' (slot " + s.id() + ")");
        }
        throw new InvalidInputException("tokenLabel", "no token labelled '" + label + "' is present; tokens found: "
                + (labels.isEmpty() ? "none" : String.join(", ", labels)));
    }

    static String rootMessage(Throwable t) {
        Throwable c = t;
        while (c.getCause() != null && c.getCause() != c) {
            c = c.getCause();
        }
        return c.getMessage() == null ? c.getClass().getSimpleName() : c.getMessage();
    }

    @Override
    public void close() {
        if (provider() instanceof AuthProvider auth) {
            try {
                auth.logout();
            } catch (LoginException e) {
                LOG.debug("logout from the token failed: {}", e.getMessage());
            }
        }
    }
}

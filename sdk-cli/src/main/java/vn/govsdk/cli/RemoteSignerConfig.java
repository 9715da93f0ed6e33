package vn.govsdk.cli;

import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import vn.govsdk.core.InvalidInputException;
import vn.govsdk.core.auth.Secret;
import vn.govsdk.signing.remote.HashEncoding;
import vn.govsdk.signing.remote.MySignSigner;
import vn.govsdk.signing.remote.RemoteSigner;
import vn.govsdk.signing.remote.SmartCaCscSigner;
import vn.govsdk.signing.remote.Sp769Signer;

/**
 * The settings file of {@code govsdk sign --remote}: a properties file with the endpoint, the signer's
 * user id and the paths of the files holding the secrets (or environment variables). A secret written
 * into the file itself is refused, so that it cannot end up in a repository with the rest.
 *
 * <pre>
 * endpoint = https://gwsca.vnpt.vn/sca/sp769
 * userId = 079203012345
 * spId = my-sp
 * spPasswordFile = /run/secrets/smartca-sp-password      # or GOVSDK_REMOTE_SP_PASSWORD
 * </pre>
 */
final class RemoteSignerConfig {

    static final String SP_PASSWORD_ENV = "GOVSDK_REMOTE_SP_PASSWORD";
    static final String CLIENT_SECRET_ENV = "GOVSDK_REMOTE_CLIENT_SECRET";
    static final String USER_PASSWORD_ENV = "GOVSDK_REMOTE_USER_PASSWORD";

    private static final Set<String> INLINE_SECRETS = Set.of("sppassword", "clientsecret", "userpassword", "password",
            "secret", "webhooksecret");

    private final Properties p;
    private final Path base;
    private final Path file;

    private RemoteSignerConfig(Properties p, Path file) {
        this.p = p;
        this.file = file;
        Path parent = file.toAbsolutePath().getParent();
        this.base = parent == null ? Path.of(".") : parent;
    }

    static RemoteSignerConfig load(Path file) {
        if (file == null) {
            throw new InvalidInputException("--remote-config", "is required with --remote (a properties file: endpoint, "
                    + "userId and the credential files)");
        }
        if (!Files.isRegularFile(file)) {
            throw new InvalidInputException("--remote-config", file + " does not exist");
        }
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException | IllegalArgumentException e) {
            throw new InvalidInputException("--remote-config", file + " cannot be read as a properties file");
        }
        for (String key : p.stringPropertyNames()) {
            if (INLINE_SECRETS.contains(key.toLowerCase(Locale.ROOT))) {
                throw new InvalidInputException("--remote-config " + key, "must not hold a secret; give " + key
                        + "File (a file holding it) or the environment variable instead");
            }
        }
        return new RemoteSignerConfig(p, file);
    }

    String userId() {
        return required("userId");
    }

    private String required(String key) {
        String v = p.getProperty(key);
        if (v == null || v.isBlank()) {
            throw new InvalidInputException("--remote-config " + key, "is required in " + file);
        }
        return v.trim();
    }

    private String optional(String key) {
        String v = p.getProperty(key);
        return v == null || v.isBlank() ? null : v.trim();
    }

    private Secret secret(String fileKey, String env) {
        String path = optional(fileKey);
        if (path != null) {
            return Secret.fromFile(base.resolve(path));
        }
        String value = System.getenv(env);
        if (value == null || value.isEmpty()) {
            throw new InvalidInputException("--remote-config " + fileKey, "is required in " + file
                    + " (or set the environment variable " + env + "); secrets are never taken from the command line");
        }
        return Secret.of(value);
    }

    private Duration pollInterval() {
        String v = optional("pollInterval");
        return v == null ? null : duration("--remote-config pollInterval", v);
    }

    RemoteSigner build(String provider) {
        URI endpoint;
        try {
            endpoint = URI.create(required("endpoint"));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("--remote-config endpoint", "must be an absolute http or https URI");
        }
        Duration interval = pollInterval();
        switch (provider.toLowerCase(Locale.ROOT)) {
            case "smartca", "esign" -> {
                boolean esign = provider.equalsIgnoreCase("esign");
                Sp769Signer.Builder b = (esign ? Sp769Signer.neacEsign() : Sp769Signer.smartCa()).endpoint(endpoint)
                        .spId(required("spId")).spPassword(secret("spPasswordFile", SP_PASSWORD_ENV));
                if (esign || optional("caName") != null) {
                    b.caName(esign ? required("caName") : optional("caName"));
                }
                String enc = optional("hashEncoding");
                if (enc != null) {
                    b.hashEncoding(switch (enc.toLowerCase(Locale.ROOT)) {
                        case "hex" -> HashEncoding.HEX;
                        case "base64" -> HashEncoding.BASE64;
                        default -> throw new InvalidInputException("--remote-config hashEncoding", "must be hex or base64");
                    });
                }
                if (optional("certificatePath") != null) {
                    b.certificatePath(optional("certificatePath"));
                }
                if (optional("signPath") != null) {
                    b.signPath(optional("signPath"));
                }
                if (optional("statusPath") != null) {
                    b.statusPath(optional("statusPath"));
                }
                if (interval != null) {
                    b.pollInterval(interval);
                }
                return b.build();
            }
            case "smartca-csc" -> {
                Secret userPassword = secret("userPasswordFile", USER_PASSWORD_ENV);
                String user = userId();
                SmartCaCscSigner.Builder b = SmartCaCscSigner.builder().endpoint(endpoint)
                        .credentials(required("clientId"), secret("clientSecretFile", CLIENT_SECRET_ENV))
                        .userPasswords(u -> u.equals(user) ? userPassword : null);
                if (interval != null) {
                    b.pollInterval(interval);
                }
                return b.build();
            }
            case "mysign" -> {
                MySignSigner.Builder b = MySignSigner.builder().endpoint(endpoint)
                        .credentials(required("clientId"), secret("clientSecretFile", CLIENT_SECRET_ENV));
                if (optional("profileId") != null) {
                    b.profileId(optional("profileId"));
                }
                if (interval != null) {
                    b.pollInterval(interval);
                }
                return b.build();
            }
            default -> throw new InvalidInputException("--remote", "must be one of " + List.of("smartca", "smartca-csc",
                    "mysign", "esign") + ", got " + provider);
        }
    }

    /** Parses {@code 90s}, {@code 5m}, {@code 1h} or an ISO-8601 duration such as {@code PT5M}. */
    static Duration duration(String field, String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        try {
            Duration d;
            if (t.startsWith("pt") || t.startsWith("p")) {
                d = Duration.parse(t.toUpperCase(Locale.ROOT));
            } else if (t.endsWith("ms")) {
                d = Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
            } else if (t.endsWith("s")) {
                d = Duration.ofSeconds(Long.parseLong(t.substring(0, t.length() - 1)));
            } else if (t.endsWith("m")) {
                d = Duration.ofMinutes(Long.parseLong(t.substring(0, t.length() - 1)));
            } else if (t.endsWith("h")) {
                d = Duration.ofHours(Long.parseLong(t.substring(0, t.length() - 1)));
            } else {
                d = Duration.ofSeconds(Long.parseLong(t));
            }
            if (d.isNegative() || d.isZero()) {
                throw new InvalidInputException(field, "must be a positive duration, got " + text);
            }
            return d;
        } catch (NumberFormatException | DateTimeParseException e) {
            throw new InvalidInputException(field, "must be a duration such as 90s, 5m or PT5M, got " + text);
        }
    }
}

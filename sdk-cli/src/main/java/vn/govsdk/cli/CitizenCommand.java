package vn.govsdk.cli;

import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import vn.govsdk.core.GovSdkException;
import vn.govsdk.core.GovServiceException;
import vn.govsdk.core.InvalidInputException;
import vn.govsdk.core.NotFoundException;
import vn.govsdk.core.auth.ClientCredentials;
import vn.govsdk.core.auth.LgspAccessToken;
import vn.govsdk.core.auth.PopulationDbBasic;
import vn.govsdk.core.auth.Secret;
import vn.govsdk.identity.population.BirthDate;
import vn.govsdk.identity.population.CallOptions;
import vn.govsdk.identity.population.CitizenQuery;
import vn.govsdk.identity.population.CitizenRecord;
import vn.govsdk.identity.population.PersonReference;
import vn.govsdk.identity.population.PopulationRegistryClient;
import vn.govsdk.identity.population.Verification;
import vn.govsdk.identity.population.VerifiedField;
import vn.govsdk.testkit.MockGovPlatform;
import vn.govsdk.testkit.MockServerRunner;
import vn.govsdk.testkit.data.SyntheticCitizen;
import vn.govsdk.testkit.population.PopulationDbService;

/** {@code govsdk citizen}: look up and verify citizens in the population database (C06). */
@Command(name = "citizen", mixinStandardHelpOptions = true,
        description = {"Look up and verify citizens in the National Population Database (C06).",
                "Without --base-url or --endpoint, an embedded mock platform with synthetic citizens is "
                        + "started for the call (see 'govsdk citizen sample'); with --base-url, the mock "
                        + "platform of 'govsdk mock-server' at that URL is used.",
                "Exit codes: 0 found / matched, 1 not found / not matched, 2 bad usage, 3 the service "
                        + "refused or could not be reached."},
        subcommands = {CitizenCommand.Lookup.class, CitizenCommand.Verify.class, CitizenCommand.Sample.class})
final class CitizenCommand implements Runnable {

    /** Exit code when the service refused the call or could not be reached. */
    static final int SERVICE_ERROR = 3;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Where and how to connect; secrets only from files or environment variables. */
    static final class Connection {
        @Option(names = "--base-url", paramLabel = "URL",
                description = "root URL of a running mock platform, e.g. http://127.0.0.1:8080 from 'govsdk mock-server'")
        URI baseUrl;

        @Option(names = "--endpoint", paramLabel = "URL",
                description = "full SOAP endpoint URL (overrides the one derived from --base-url)")
        URI endpoint;

        @Option(names = "--route", defaultValue = "direct", paramLabel = "direct|lgsp",
                description = "access route: direct (SHA-256 Basic + X-Road) or lgsp (token + lgspaccesstoken); "
                        + "default ${DEFAULT-VALUE}")
        String route;

        @Option(names = "--seed", defaultValue = "" + MockGovPlatform.DEFAULT_SEED,
                description = "seed of the embedded mock platform's synthetic data (default: ${DEFAULT-VALUE})")
        long seed;

        @Option(names = "--username", description = "direct route user name (default: the mock's synthetic one)")
        String username = PopulationDbService.DIRECT_USERNAME;

        @Option(names = "--x-road-client", description = "X-Road-Client header (default: the mock's synthetic one)")
        String xRoadClient = PopulationDbService.X_ROAD_CLIENT;

        @ArgGroup(exclusive = true)
        SecretSource secret;

        @Option(names = "--token-url", paramLabel = "URL", description = "LGSP token URL (default: derived from --base-url)")
        URI tokenUrl;

        @Option(names = "--client-id", description = "LGSP client id (default: the mock's synthetic one)")
        String clientId = PopulationDbService.LGSP_CLIENT_ID;

        @Option(names = "--client-secret-file", paramLabel = "FILE", description = "file holding the LGSP client secret")
        Path clientSecretFile;

        @Option(names = "--client-secret-env", paramLabel = "VAR", description = "environment variable holding the LGSP client secret")
        String clientSecretEnv;

        @Option(names = "--access-key", description = "lgspaccesstoken AccessKey (default: the mock's synthetic one)")
        String accessKey = PopulationDbService.LGSP_ACCESS_KEY;

        @Option(names = "--lgsp-secret-key-file", paramLabel = "FILE", description = "file holding the lgspaccesstoken SecretKey")
        Path lgspSecretFile;

        @Option(names = "--lgsp-secret-key-env", paramLabel = "VAR", description = "environment variable holding the lgspaccesstoken SecretKey")
        String lgspSecretEnv;

        @Option(names = "--app-name", description = "lgspaccesstoken AppName (default: the mock's)")
        String appName = PopulationDbService.LGSP_APP_NAME;

        @Option(names = "--partner-code", description = "lgspaccesstoken PartnerCode (default: the mock's)")
        String partnerCode = PopulationDbService.LGSP_PARTNER_CODE;

        @Option(names = "--service-code", defaultValue = "VPCP", description = "MaDVC (default: ${DEFAULT-VALUE})")
        String serviceCode;

        @Option(names = "--integration-code", defaultValue = "037", description = "MaTichHop (default: ${DEFAULT-VALUE})")
        String integrationCode;

        @Option(names = "--officer", defaultValue = "govsdk-cli", description = "MaCanBo, the officer account (default: ${DEFAULT-VALUE})")
        String officer;

        static final class SecretSource {
            @Option(names = "--secret-file", paramLabel = "FILE", description = "file holding the direct route's secret key")
            Path file;

            @Option(names = "--secret-env", paramLabel = "VAR", description = "environment variable holding the direct route's secret key")
            String env;
        }

        private static Secret secret(Path file, String env, String fallback) {
            if (file != null) {
                return Secret.fromFile(file);
            }
            if (env != null) {
                return Secret.fromEnvironment(env);
            }
            return Secret.of(fallback);
        }

        private static URI under(URI base, String path) {
            String s = base.toString();
            return URI.create((s.endsWith("/") ? s.substring(0, s.length() - 1) : s) + path);
        }

        PopulationRegistryClient client(URI platformBase) {
            boolean lgsp = switch (route) {
                case "direct" -> false;
                case "lgsp" -> true;
                default -> throw new InvalidInputException("--route", "must be direct or lgsp, got " + route);
            };
            URI root = platformBase != null ? platformBase : baseUrl;
            URI soap = endpoint != null ? endpoint
                    : under(root, lgsp ? PopulationDbService.LGSP_PATH : PopulationDbService.DIRECT_PATH);
            PopulationRegistryClient.Builder b = PopulationRegistryClient.builder().endpoint(soap)
                    .callOptions(CallOptions.builder().serviceCode(serviceCode).integrationCode(integrationCode)
                            .officerAccount(officer).build());
            if (lgsp) {
                URI token = tokenUrl != null ? tokenUrl : under(root, PopulationDbService.LGSP_TOKEN_PATH);
                b.credentials(ClientCredentials.builder().tokenUri(token).clientId(clientId)
                                .clientSecret(secret(clientSecretFile, clientSecretEnv, PopulationDbService.LGSP_CLIENT_SECRET))
                                .build(),
                        LgspAccessToken.builder().accessKey(accessKey)
                                .secretKey(secret(lgspSecretFile, lgspSecretEnv, PopulationDbService.LGSP_SECRET_KEY))
                                .appName(appName).partnerCode(partnerCode).build());
            } else {
                b.credentials(PopulationDbBasic.builder().username(username).xRoadClient(xRoadClient)
                        .secretKey(secret(secret == null ? null : secret.file, secret == null ? null : secret.env,
                                PopulationDbService.DIRECT_SECRET_KEY))
                        .build());
            }
            return b.build();
        }

        boolean needsEmbedded() {
            return baseUrl == null && endpoint == null;
        }
    }

    /** Runs a call against the configured service, or an embedded mock platform. */
    abstract static class Call implements Callable<Integer> {
        @Mixin
        Connection connection = new Connection();

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        abstract int run(PopulationRegistryClient client, PrintWriter out);

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            MockGovPlatform embedded = null;
            try {
                if (connection.needsEmbedded()) {
                    embedded = MockServerRunner.defaultPlatform().seed(connection.seed).build();
                    out.println("(embedded mock platform at " + embedded.baseUrl() + ", synthetic data, seed "
                            + connection.seed + ")");
                }
                try (PopulationRegistryClient client = connection.client(embedded == null ? null : embedded.baseUrl())) {
                    return run(client, out);
                }
            } catch (InvalidInputException e) {
                err.println("invalid: " + e.getMessage());
                return GovSdkCommand.USAGE;
            } catch (NotFoundException e) {
                out.println("not found: " + e.serviceMessage().orElse("no such citizen")
                        + e.errorCode().map(c -> " (" + c + ")").orElse(""));
                return GovSdkCommand.NEGATIVE;
            } catch (GovServiceException e) {
                err.println("refused: " + e.getMessage());
                return SERVICE_ERROR;
            } catch (GovSdkException e) {
                err.println("failed: " + e.getMessage());
                return SERVICE_ERROR;
            } finally {
                if (embedded != null) {
                    embedded.close();
                }
            }
        }
    }

    /** {@code govsdk citizen lookup ID}. */
    @Command(name = "lookup", mixinStandardHelpOptions = true,
            description = "Look up a citizen by 12-digit citizen ID (CCCD) or 9-digit legacy ID (CMND): "
                    + "TraCuuThongTinCongDan. Prints the record (personal data: mind where the output goes).")
    static final class Lookup extends Call {
        @Parameters(index = "0", paramLabel = "ID", description = "the citizen ID or legacy ID number")
        String id;

        @Override
        int run(PopulationRegistryClient client, PrintWriter out) {
            CitizenRecord r = client.lookupCitizen(CitizenQuery.builder(id).build());
            out.println("citizen ID     " + r.citizenId().value()
                    + (r.legacyIdNumber() == null ? "" : "   (legacy ID " + r.legacyIdNumber().value() + ")"));
            out.println("full name      " + r.fullName());
            out.println("birth date     " + (r.birthDate() == null ? "-" : r.birthDate().isoText()));
            out.println("gender         " + (r.gender() == null ? "-" : r.gender().vietnameseLabel()));
            line(out, "birth place    ", r.birthPlace());
            line(out, "hometown       ", r.hometown());
            line(out, "permanent addr ", r.permanentAddress());
            line(out, "current addr   ", r.currentAddress());
            line(out, "ethnicity      ", r.ethnicity());
            line(out, "religion       ", r.religion());
            line(out, "nationality    ", r.nationality());
            person(out, "father         ", r.father());
            person(out, "mother         ", r.mother());
            person(out, "spouse         ", r.spouse());
            line(out, "household      ", r.householdId());
            return GovSdkCommand.OK;
        }

        private static void line(PrintWriter out, String label, String value) {
            if (value != null) {
                out.println(label + value);
            }
        }

        private static void person(PrintWriter out, String label, PersonReference p) {
            if (p != null) {
                out.println(label + p.fullName() + (p.citizenId() == null ? "" : " (" + p.citizenId().value() + ")"));
            }
        }
    }

    /** {@code govsdk citizen verify ID --name NAME --birth-date DATE}. */
    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = "Verify a citizen's name and/or birth date against the database: XacThucThongTinCongDan. "
                    + "Exits 0 when everything given matches, 1 when not.")
    static final class Verify extends Call {
        @Parameters(index = "0", paramLabel = "ID", description = "the citizen ID or legacy ID number")
        String id;

        @Option(names = "--name", paramLabel = "NAME", description = "full name, any case, with diacritics")
        String name;

        @Option(names = "--birth-date", paramLabel = "yyyy-MM-dd|yyyy", description = "birth date, or the year alone")
        String birthDate;

        @Override
        int run(PopulationRegistryClient client, PrintWriter out) {
            CitizenQuery.Builder q = CitizenQuery.builder(id);
            if (name != null) {
                q.fullName(name);
            }
            if (birthDate != null) {
                q.birthDate(BirthDate.parse(birthDate));
            }
            if (name == null && birthDate == null) {
                throw new InvalidInputException("--name/--birth-date", "give at least one to verify");
            }
            Verification v = client.verifyCitizen(q.build());
            if (!v.exists()) {
                out.println("NOT MATCHED: the database holds no citizen with that ID");
                return GovSdkCommand.NEGATIVE;
            }
            for (VerifiedField f : VerifiedField.values()) {
                if (v.matched().contains(f)) {
                    out.println("  " + label(f) + ": matches");
                } else if (v.mismatched().contains(f)) {
                    out.println("  " + label(f) + ": DOES NOT MATCH");
                }
            }
            out.println(v.matches() ? "MATCHED" : "NOT MATCHED");
            return v.matches() ? GovSdkCommand.OK : GovSdkCommand.NEGATIVE;
        }

        private static String label(VerifiedField f) {
            return switch (f) {
                case FULL_NAME -> "full name (HoVaTen)";
                case BIRTH_DATE -> "birth date (NgayThangNamSinh)";
            };
        }
    }

    /** {@code govsdk citizen sample}: synthetic citizens to try the other commands with. */
    @Command(name = "sample", mixinStandardHelpOptions = true,
            description = "Print synthetic citizens of the mock platform (ID, name, birth date) to try lookup and verify with.")
    static final class Sample implements Callable<Integer> {
        @Option(names = "--seed", defaultValue = "" + MockGovPlatform.DEFAULT_SEED, description = "seed of the synthetic data (default: ${DEFAULT-VALUE})")
        long seed;

        @Option(names = "--count", defaultValue = "5", description = "how many (1 to 100; default ${DEFAULT-VALUE})")
        int count;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            if (count < 1 || count > 100) {
                spec.commandLine().getErr().println("invalid: --count must be between 1 and 100, got " + count);
                return GovSdkCommand.USAGE;
            }
            vn.govsdk.testkit.data.SyntheticData data = vn.govsdk.testkit.data.SyntheticData.of(seed);
            PrintWriter out = spec.commandLine().getOut();
            for (int i = 0; i < count; i++) {
                SyntheticCitizen c = data.citizen(i);
                out.println(c.citizenId() + "  " + c.birthDate() + "  " + c.fullName()
                        + "  (legacy ID " + PopulationDbService.legacyIdNumberOf(i) + ")");
            }
            return GovSdkCommand.OK;
        }
    }
}

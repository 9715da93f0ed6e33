package vn.govsdk.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import vn.govsdk.core.GovSdkException;
import vn.govsdk.core.http.HttpTransport;
import vn.govsdk.dataexchange.city.DatastorePage;
import vn.govsdk.dataexchange.city.OpenDataApiStyle;
import vn.govsdk.dataexchange.city.OpenDataClient;
import vn.govsdk.testkit.MockGovPlatform;
import vn.govsdk.testkit.MockServerRunner;
import vn.govsdk.testkit.city.OpenDataService;

/** {@code govsdk opendata search|export RESOURCE}: the city open-data portal's datastore. */
@Command(name = "opendata", mixinStandardHelpOptions = true,
        description = "The city open-data portal (cổng dữ liệu mở): search a datastore resource or export all of it.",
        subcommands = {OpenDataCommand.SearchCommand.class, OpenDataCommand.ExportCommand.class})
final class OpenDataCommand implements Runnable {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    static final Class<Map<String, Object>> ROW = (Class) Map.class;

    /** Options shared by the open-data commands. */
    static final class Connection {
        @Option(names = "--base-url", description = "the portal's URL (default: an embedded mock platform's /opendata)")
        URI baseUrl;

        @Option(names = "--ckan", description = "use the CKAN v3 form (/api/3/action/datastore_search) instead of DKAN's")
        boolean ckan;

        @Option(names = "--filter", paramLabel = "FIELD=VALUE", description = "an exact-match filter (repeatable)")
        Map<String, String> filters = new LinkedHashMap<>();

        @Option(names = "--page-size", defaultValue = "1000", description = "records a request (default: ${DEFAULT-VALUE})")
        int pageSize;

        @Option(names = "--seed", defaultValue = "" + MockGovPlatform.DEFAULT_SEED, description = "seed of the embedded mock (default: ${DEFAULT-VALUE})")
        long seed;

        Open open() {
            HttpTransport transport = HttpTransport.create();
            MockGovPlatform platform = null;
            try {
                OpenDataClient.Builder b = OpenDataClient.builder().httpClient(transport).pageSize(pageSize)
                        .apiStyle(ckan ? OpenDataApiStyle.CKAN_V3 : OpenDataApiStyle.DKAN);
                if (baseUrl == null) {
                    platform = MockServerRunner.defaultPlatform().seed(seed).build();
                    b.endpoint(platform.baseUrl(OpenDataService.PREFIX));
                } else {
                    b.endpoint(baseUrl);
                }
                return new Open(b.build(), transport, platform);
            } catch (RuntimeException e) {
                transport.close();
                if (platform != null) {
                    platform.close();
                }
                throw e;
            }
        }
    }

    /** An open client and what to close. */
    static final class Open implements AutoCloseable {
        final OpenDataClient client;
        private final HttpTransport transport;
        private final MockGovPlatform platform;

        Open(OpenDataClient client, HttpTransport transport, MockGovPlatform platform) {
            this.client = client;
            this.transport = transport;
            this.platform = platform;
        }

        @Override
        public void close() {
            transport.close();
            if (platform != null) {
                platform.close();
            }
        }
    }

    /** {@code govsdk opendata search RESOURCE}. */
    @Command(name = "search", mixinStandardHelpOptions = true,
            description = "Print one page of a datastore resource as JSON Lines, after a line with the total.")
    static final class SearchCommand implements Callable<Integer> {
        @Mixin
        Connection connection;

        @Parameters(paramLabel = "RESOURCE", description = "the resource id")
        String resource;

        @Option(names = "--limit", defaultValue = "10", description = "records to show (default: ${DEFAULT-VALUE})")
        int limit;

        @Option(names = "--offset", defaultValue = "0", description = "records to skip (default: ${DEFAULT-VALUE})")
        long offset;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            try (Open open = connection.open()) {
                DatastorePage<Map<String, Object>> page = open.client.search(resource, connection.filters, offset, limit, ROW);
                out.println("# " + page.records().size() + " of " + page.total() + " records from offset " + offset);
                RecordWriter w = new RecordWriter(RecordWriter.Format.JSONL, out);
                for (Map<String, Object> r : page.records()) {
                    w.write(r);
                }
                out.flush();
                return GovSdkCommand.OK;
            } catch (GovSdkException e) {
                return ProceduresCommand.fail(spec, e);
            } catch (IOException e) {
                spec.commandLine().getErr().println("error: " + e.getMessage());
                return GovSdkCommand.USAGE;
            }
        }
    }

    /** {@code govsdk opendata export RESOURCE}. */
    @Command(name = "export", mixinStandardHelpOptions = true,
            description = "Export every record of a datastore resource as CSV or JSON Lines, page by page in constant "
                    + "memory. Shows progress (rows, rate, time left) when run on a terminal.")
    static final class ExportCommand implements Callable<Integer> {
        @Mixin
        Connection connection;

        @Parameters(paramLabel = "RESOURCE", description = "the resource id")
        String resource;

        @Option(names = "--format", defaultValue = "CSV", description = "CSV or JSONL (default: ${DEFAULT-VALUE})")
        RecordWriter.Format format;

        @Option(names = {"-o", "--output"}, description = "the file to write (default: standard output)")
        Path output;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            try (Open open = connection.open()) {
                long total = open.client.search(resource, connection.filters, 0, 1, ROW).total();
                PrintWriter terminal = System.console() != null ? spec.commandLine().getErr() : null;
                ExportProgress progress = new ExportProgress(terminal, total, System::nanoTime);
                long rows;
                if (output == null) {
                    rows = export(open.client, spec.commandLine().getOut(), progress);
                } else {
                    try (Writer w = Files.newBufferedWriter(output, StandardCharsets.UTF_8)) {
                        rows = export(open.client, w, progress);
                    }
                }
                progress.finish(rows);
                return GovSdkCommand.OK;
            } catch (GovSdkException e) {
                return ProceduresCommand.fail(spec, e);
            } catch (IOException | UncheckedIOException e) {
                spec.commandLine().getErr().println("error: cannot write: " + e.getMessage());
                return GovSdkCommand.USAGE;
            }
        }

        private long export(OpenDataClient client, Writer out, ExportProgress progress) throws IOException {
            RecordWriter w = new RecordWriter(format, out);
            long rows = 0;
            for (Map<String, Object> r : client.stream(resource, connection.filters, ROW)) {
                w.write(r);
                rows++;
                if ((rows & 0x3ff) == 0) {
                    progress.update(rows);
                }
            }
            out.flush();
            return rows;
        }
    }
}

package vn.govsdk.cli;

import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code govsdk completion bash|zsh}: prints a completion script for every command and option. Load it
 * with {@code source <(govsdk completion bash)}; zsh reads the same script after {@code autoload -U
 * bashcompinit && bashcompinit}.
 */
@Command(name = "completion", mixinStandardHelpOptions = true,
        description = {"Print a shell completion script for govsdk: source <(./govsdk completion bash).",
                "zsh: autoload -U bashcompinit && bashcompinit, then the same."})
final class CompletionCommand implements Callable<Integer> {

    @Parameters(paramLabel = "SHELL", description = "bash or zsh")
    private String shell;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if (!"bash".equals(shell) && !"zsh".equals(shell)) {
            spec.commandLine().getErr().println("invalid: SHELL must be bash or zsh, got " + shell);
            return GovSdkCommand.USAGE;
        }
        CommandLine root = spec.commandLine().getParent();
        spec.commandLine().getOut().print(AutoComplete.bash("govsdk", root));
        spec.commandLine().getOut().flush();
        return GovSdkCommand.OK;
    }
}

# fish completion for bk-log: the words come from bk-log itself
# (bk-log --complete words -- WORD...), from its option table and store.
# options: what bk-log --complete offers after a '-', from its
# option table (tests/completion-options.sh writes this list):
#   --create-missing --date --db --dry-run --except --exercise --format
#   --help --hold --load --no-timer --note --plan --reason --reps --rpe
#   --side --since --time --timer --units --until --version
# end of options
function __bk_complete
    set -l tokens (commandline -opc) "$(commandline -ct)"
    set -l cmd $tokens[1]
    set -e tokens[1]
    for line in ($cmd --complete words -- $tokens 2>/dev/null)
        if test "$line" = :files
            __fish_complete_path (commandline -ct)
        else
            printf '%s\n' $line
        end
    end
end
complete -c bk-log -f -a '(__bk_complete)'

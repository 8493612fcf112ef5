# fish completion for bk-stats: the words come from bk-stats itself
# (bk-stats --complete words -- WORD...), from its option table and store.
# options: what bk-stats --complete offers after a '-', from its
# option table (tests/completion-options.sh writes this list):
#   --by --db --exercise --format --help --output --plan --since --terminal
#   --until --version
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
complete -c bk-stats -f -a '(__bk_complete)'

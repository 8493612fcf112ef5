# fish completion for bk-plan: the words come from bk-plan itself
# (bk-plan --complete words -- WORD...), from its option table and store.
# options: what bk-plan --complete offers after a '-', from its
# option table (tests/completion-options.sh writes this list):
#   --alarm --all --at --between --cron --date --days --db --dry-run
#   --equipment --every --format --help --kind --name --off --on --position
#   --print --quiet --region --side --start --template --times --version
#   --week
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
complete -c bk-plan -f -a '(__bk_complete)'

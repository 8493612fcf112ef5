# fish completion for bk: the command names, then the command's own
# completion.
function __bk_delegate
    set -l tokens (commandline -opc) (commandline -ct)
    set -e tokens[1]
    set tokens[1] bk-$tokens[1]
    complete -C (string join ' ' -- (string escape -- $tokens))
end
complete -c bk -f
complete -c bk -n __fish_use_subcommand -a '(bk --complete) help'
complete -c bk -n '__fish_seen_subcommand_from help' -a '(bk --complete) backkit'
complete -c bk -n 'not __fish_use_subcommand; and not __fish_seen_subcommand_from help' -a '(__bk_delegate)'
complete -c bk -s h -l help -d 'list the commands'
complete -c bk -l version -d 'show version'

# fish completion for bk: the command names, then the command's own
# completion.
function __bk_delegate
    set -l tokens (commandline -opc) (commandline -ct)
    set -e tokens[1]
    set tokens[1] bk-$tokens[1]
    complete -C (string join ' ' -- (string escape -- $tokens))
end
complete -c bk -f
complete -c bk -n __fish_use_subcommand -a '(bk --complete) help config undo'
complete -c bk -n '__fish_seen_subcommand_from config; and test (count (commandline -opc)) -eq 2' -a 'units week_start birth_year sex remind_at remind_alarm get_ready --unset' -d 'configuration key'
complete -c bk -n '__fish_seen_subcommand_from config; and __fish_seen_subcommand_from --unset; and test (count (commandline -opc)) -eq 3' -a 'units week_start birth_year sex remind_at remind_alarm get_ready'
complete -c bk -n '__fish_seen_subcommand_from config; and __fish_seen_subcommand_from units; and test (count (commandline -opc)) -eq 3' -a 'metric imperial'
complete -c bk -n '__fish_seen_subcommand_from config; and __fish_seen_subcommand_from week_start; and test (count (commandline -opc)) -eq 3' -a 'monday sunday'
complete -c bk -n '__fish_seen_subcommand_from config; and __fish_seen_subcommand_from sex; and test (count (commandline -opc)) -eq 3' -a 'male female'
complete -c bk -n '__fish_seen_subcommand_from help' -a '(bk --complete) backkit'
complete -c bk -n 'not __fish_use_subcommand; and not __fish_seen_subcommand_from help config undo' -a '(__bk_delegate)'
complete -c bk -s h -l help -d 'list the commands'
complete -c bk -l version -d 'show version'

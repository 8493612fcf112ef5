# fish completion for bk-plan; the words come from bk-plan --complete WHAT.
complete -c bk-plan -f
complete -c bk-plan -n __fish_use_subcommand -a '(bk-plan --complete commands)'
complete -c bk-plan -n '__fish_seen_subcommand_from exercise' -a 'add (bk-plan --complete exercises 2>/dev/null)'
complete -c bk-plan -s d -l db -r -F -d 'database file'
complete -c bk-plan -s f -l format -x -a '(bk-plan --complete format)' -d 'output format'
complete -c bk-plan -s r -l region -x -a '(bk-plan --complete region)' -d 'body region'
complete -c bk-plan -s k -l kind -x -a '(bk-plan --complete kind)' -d 'kind of exercise'
complete -c bk-plan -s p -l position -x -a '(bk-plan --complete position)' -d 'body position'
complete -c bk-plan -s e -l equipment -x -a '(bk-plan --complete equipment)' -d 'equipment'
complete -c bk-plan -s n -l name -x -d 'display name'
complete -c bk-plan -s h -l help -d 'show usage'
complete -c bk-plan -s V -l version -d 'show version'

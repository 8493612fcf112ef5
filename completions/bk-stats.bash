# bash completion for bk-stats: the words come from bk-stats itself
# (bk-stats --complete words -- WORD...), from its option table and store.
# options: what bk-stats --complete offers after a '-', from its
# option table (tests/completion-options.sh writes this list):
#   --by --db --exercise --format --help --output --plan --since --terminal
#   --until --version
# end of options
__bk_complete()
{
	local cmd=${COMP_WORDS[0]} cur=${COMP_WORDS[COMP_CWORD]} word line pre
	local -a words=()
	local i glue=0
	# bash splits --week=DATE at the '=': join the pieces again
	for ((i = 1; i <= COMP_CWORD; i++)); do
		word=${COMP_WORDS[i]}
		if ((glue)); then
			words[-1]+=$word
			glue=0
		elif [[ $word == = && ${#words[@]} -gt 0 && ${words[-1]} == --* ]]; then
			words[-1]+="="
			glue=1
		else
			words+=("$word")
		fi
	done
	pre=${words[-1]%"$cur"}
	COMPREPLY=()
	while IFS= read -r line; do
		if [[ $line == :files ]]; then
			compopt -o filenames 2>/dev/null
			mapfile -t -O "${#COMPREPLY[@]}" COMPREPLY < <(compgen -f -- "$cur")
		else
			line=${line%%$'\t'*}
			COMPREPLY+=("${line#"$pre"}")
		fi
	done < <("$cmd" --complete words -- "${words[@]}" 2>/dev/null)
}
_bk_stats()
{
	__bk_complete
}
complete -F _bk_stats bk-stats

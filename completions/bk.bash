# bash completion for bk: the command names, then the command's own
# completion (bk plan exe<TAB> completes as bk-plan exe<TAB> would).
_bk()
{
	local words_ cword_ sub fn file
	if ((COMP_CWORD == 1)); then
		mapfile -t COMPREPLY < <(compgen -W "help config undo $(bk --complete)" -- "${COMP_WORDS[1]}")
		return
	fi
	if [[ ${COMP_WORDS[1]} == config ]]; then
		local key=${COMP_WORDS[2]} w=""
		if ((COMP_CWORD == 2)); then
			w="units week_start birth_year sex remind_at remind_alarm get_ready --unset --help"
		elif ((COMP_CWORD == 3)) && [[ $key == --unset ]]; then
			w="units week_start birth_year sex remind_at remind_alarm get_ready"
		elif ((COMP_CWORD == 3)); then
			case $key in
			units) w="metric imperial" ;;
			week_start) w="monday sunday" ;;
			sex) w="male female" ;;
			esac
		fi
		mapfile -t COMPREPLY < <(compgen -W "$w" -- "${COMP_WORDS[COMP_CWORD]}")
		return
	fi
	if [[ ${COMP_WORDS[1]} == help ]]; then
		((COMP_CWORD == 2)) &&
			mapfile -t COMPREPLY < <(compgen -W "backkit $(bk --complete)" -- "${COMP_WORDS[2]}")
		return
	fi
	sub=bk-${COMP_WORDS[1]}
	fn=_${sub//-/_}
	if ! declare -F "$fn" >/dev/null; then
		# bash-completion's loader, else the file installed beside this one
		if declare -F _completion_loader >/dev/null; then
			_completion_loader "$sub"
		fi
		file=$(dirname "${BASH_SOURCE[0]}")/$sub
		[[ -f $file ]] || file=$file.bash
		if ! declare -F "$fn" >/dev/null && [[ -f $file ]]; then
			# shellcheck source=/dev/null
			. "$file"
		fi
	fi
	declare -F "$fn" >/dev/null || return
	words_=("$sub" "${COMP_WORDS[@]:2}")
	cword_=$((COMP_CWORD - 1))
	COMP_WORDS=("${words_[@]}")
	COMP_CWORD=$cword_
	"$fn"
}
complete -F _bk bk

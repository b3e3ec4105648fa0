"""Target groups of participants (issue #26; 000 §1.10, 001 «меры доступности», 003 п.6.5): ОВЗ, одарённые, в
трудной жизненной ситуации, из малообеспеченных семей, дети-сироты, живущие в сельской местности… The marker is
sensitive data: only the school's curator sees and sets it on a person; everyone else reads counts, and a count
under five is «менее 5»."""

{#- Cover of the PDF booklet; the strings are set by the hook from data/ui_strings.yml. -#}
<div class="redress-cover">
  <h1>{{ config.extra.redress_cover.title }}</h1>
  <p>{{ config.extra.redress_cover.subtitle }}</p>
  <p>{{ config.extra.redress_cover.as_of }}</p>
  <p>{{ config.extra.redress_cover.disclaimer }}</p>
</div>

<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="pt_PT" sourcelanguage="en">
<context>
    <name>CrashReporter</name>
    <message>
        <location filename="../crash.py" line="74"/>
        <source>Assessor: unexpected error</source>
        <translation>Assessor: erro inesperado</translation>
    </message>
    <message>
        <location filename="../crash.py" line="75"/>
        <source>Something went wrong. What you recorded so far is saved.

{s}</source>
        <translation>Ocorreu um erro. Tudo o que foi registado até agora está guardado.

{s}</translation>
    </message>
</context>
<context>
    <name>DeliveryCoordinator</name>
    <message>
        <location filename="../delivery.py" line="98"/>
        <source>Not enrolled with a provider</source>
        <translation>Não inscrito numa entidade formadora</translation>
    </message>
    <message>
        <location filename="../delivery.py" line="99"/>
        <source>Delivery stopped: {reason}</source>
        <translation>Envio parado: {reason}</translation>
    </message>
    <message>
        <location filename="../delivery.py" line="100"/>
        <location filename="../delivery.py" line="176"/>
        <location filename="../delivery.py" line="199"/>
        <source>Outbox: {n}</source>
        <translation>Caixa de saída: {n}</translation>
    </message>
    <message>
        <location filename="../delivery.py" line="173"/>
        <source>Provider: this workstation was revoked</source>
        <translation>Entidade: este posto foi revogado</translation>
    </message>
    <message>
        <location filename="../delivery.py" line="183"/>
        <source>Provider: up to date</source>
        <translation>Entidade: em dia</translation>
    </message>
    <message>
        <location filename="../delivery.py" line="183"/>
        <source>Provider: sending</source>
        <translation>Entidade: a enviar</translation>
    </message>
    <message>
        <location filename="../delivery.py" line="184"/>
        <source>Provider: offline</source>
        <translation>Entidade: sem ligação</translation>
    </message>
    <message>
        <location filename="../delivery.py" line="184"/>
        <source>Provider: retrying</source>
        <translation>Entidade: a tentar de novo</translation>
    </message>
    <message>
        <location filename="../delivery.py" line="185"/>
        <source>Provider: paused</source>
        <translation>Entidade: em pausa</translation>
    </message>
    <message>
        <location filename="../delivery.py" line="185"/>
        <source>Provider: stopped</source>
        <translation>Entidade: parado</translation>
    </message>
    <message>
        <location filename="../delivery.py" line="189"/>
        <source>Provider: sending {id} {pct}%</source>
        <translation>Entidade: a enviar {id} {pct} %</translation>
    </message>
    <message>
        <location filename="../delivery.py" line="192"/>
        <source> (next try in {s} s)</source>
        <translation> (próxima tentativa em {s} s)</translation>
    </message>
    <message>
        <location filename="../delivery.py" line="195"/>
        <source> · last delivery {when}</source>
        <translation> · último envio {when}</translation>
    </message>
    <message>
        <location filename="../delivery.py" line="198"/>
        <source>, {n} refused</source>
        <translation>, {n} recusados</translation>
    </message>
</context>
<context>
    <name>DiagnosticsCoordinator</name>
    <message>
        <location filename="../diagnostics.py" line="108"/>
        <location filename="../diagnostics.py" line="116"/>
        <source>No vehicle adapter (Settings)</source>
        <translation>Sem adaptador do veículo (Definições)</translation>
    </message>
    <message>
        <location filename="../diagnostics.py" line="119"/>
        <source>Assessment closed: no CAN log</source>
        <translation>Avaliação fechada: sem registo CAN</translation>
    </message>
    <message>
        <location filename="../diagnostics.py" line="121"/>
        <source>Connecting to the vehicle adapter…</source>
        <translation>A ligar ao adaptador…</translation>
    </message>
    <message>
        <location filename="../diagnostics.py" line="160"/>
        <source>Vehicle adapter not available</source>
        <translation>Adaptador indisponível</translation>
    </message>
    <message>
        <location filename="../diagnostics.py" line="181"/>
        <source>CAN log closed</source>
        <translation>Registo CAN fechado</translation>
    </message>
    <message>
        <location filename="../diagnostics.py" line="218"/>
        <source>DTC snapshot: {what}</source>
        <translation>Instantâneo de DTC: {what}</translation>
    </message>
    <message>
        <location filename="../diagnostics.py" line="220"/>
        <source>signal check: {what}</source>
        <translation>verificação de sinais: {what}</translation>
    </message>
    <message>
        <location filename="../diagnostics.py" line="222"/>
        <source>Needed before a pass: {what}</source>
        <translation>Necessário antes de aprovar: {what}</translation>
    </message>
    <message>
        <location filename="../diagnostics.py" line="248"/>
        <source>Reading the vehicle…</source>
        <translation>A ler o veículo…</translation>
    </message>
    <message>
        <location filename="../diagnostics.py" line="258"/>
        <source>Checking the signals…</source>
        <translation>A verificar os sinais…</translation>
    </message>
</context>
<context>
    <name>DiagnosticsPanel</name>
    <message>
        <location filename="../diagnostics.py" line="42"/>
        <source>Vehicle adapter status</source>
        <translation>Estado do adaptador</translation>
    </message>
    <message>
        <location filename="../diagnostics.py" line="43"/>
        <source>DTC snapshot (D)</source>
        <translation>Instantâneo DTC (D)</translation>
    </message>
    <message>
        <location filename="../diagnostics.py" line="44"/>
        <source>Check signals (C)</source>
        <translation>Verificar sinais (C)</translation>
    </message>
    <message>
        <location filename="../diagnostics.py" line="46"/>
        <source>Diagnostics of this step</source>
        <translation>Diagnóstico deste passo</translation>
    </message>
    <message>
        <location filename="../diagnostics.py" line="76"/>
        <source>Vehicle adapter lost: {device}</source>
        <translation>Adaptador perdido: {device}</translation>
    </message>
    <message>
        <location filename="../diagnostics.py" line="80"/>
        <source> · {n} frames lost</source>
        <translation> · {n} tramas perdidas</translation>
    </message>
    <message>
        <location filename="../diagnostics.py" line="82"/>
        <source>CAN log: {device} · {fps} frames/s ({pct}%)</source>
        <translation>Registo CAN: {device} · {fps} tramas/s ({pct} %)</translation>
    </message>
</context>
<context>
    <name>FieldInputs</name>
    <message>
        <location filename="../pages/field_inputs.py" line="91"/>
        <source>Step data</source>
        <translation>Dados do passo</translation>
    </message>
    <message>
        <location filename="../pages/field_inputs.py" line="93"/>
        <source>Record data</source>
        <translation>Registar dados</translation>
    </message>
    <message>
        <location filename="../pages/field_inputs.py" line="94"/>
        <source>Record the step data</source>
        <translation>Registar os dados do passo</translation>
    </message>
    <message>
        <location filename="../pages/field_inputs.py" line="117"/>
        <source>{field} (optional)</source>
        <translation>{field} (opcional)</translation>
    </message>
    <message>
        <location filename="../pages/field_inputs.py" line="122"/>
        <source>{field}: check</source>
        <translation>{field}: verificação</translation>
    </message>
    <message>
        <location filename="../pages/field_inputs.py" line="140"/>
        <source>Choose…</source>
        <translation>Escolher…</translation>
    </message>
    <message>
        <location filename="../pages/field_inputs.py" line="148"/>
        <source>a number</source>
        <translation>um número</translation>
    </message>
    <message>
        <location filename="../pages/field_inputs.py" line="152"/>
        <source>YYYY-MM-DD</source>
        <translation>AAAA-MM-DD</translation>
    </message>
    <message>
        <location filename="../pages/field_inputs.py" line="167"/>
        <source>recorded ✔</source>
        <translation>registado ✔</translation>
    </message>
</context>
<context>
    <name>HomePage</name>
    <message>
        <location filename="../pages/home.py" line="39"/>
        <source>Search candidate, checklist, VIN, workshop</source>
        <translation>Pesquisar candidato, lista de verificação, VIN, oficina</translation>
    </message>
    <message>
        <location filename="../pages/home.py" line="40"/>
        <source>Search assessments</source>
        <translation>Pesquisar avaliações</translation>
    </message>
    <message>
        <location filename="../pages/home.py" line="42"/>
        <source>Filter by status</source>
        <translation>Filtrar por estado</translation>
    </message>
    <message>
        <location filename="../pages/home.py" line="44"/>
        <source>All</source>
        <translation>Todas</translation>
    </message>
    <message>
        <location filename="../pages/home.py" line="44"/>
        <source>In progress</source>
        <translation>Em curso</translation>
    </message>
    <message>
        <location filename="../pages/home.py" line="45"/>
        <source>Finished</source>
        <translation>Concluída</translation>
    </message>
    <message>
        <location filename="../pages/home.py" line="45"/>
        <source>Abandoned</source>
        <translation>Abandonada</translation>
    </message>
    <message>
        <location filename="../pages/home.py" line="46"/>
        <source>Sealed</source>
        <translation>Selada</translation>
    </message>
    <message>
        <location filename="../pages/home.py" line="46"/>
        <source>Synced</source>
        <translation>Sincronizada</translation>
    </message>
    <message>
        <location filename="../pages/home.py" line="50"/>
        <source>&amp;New assessment</source>
        <translation>&amp;Nova avaliação</translation>
    </message>
    <message>
        <location filename="../pages/home.py" line="51"/>
        <source>&amp;Resume</source>
        <translation>&amp;Retomar</translation>
    </message>
    <message>
        <location filename="../pages/home.py" line="53"/>
        <source>Se&amp;ttings</source>
        <translation>&amp;Definições</translation>
    </message>
    <message>
        <location filename="../pages/home.py" line="56"/>
        <source>Updated</source>
        <translation>Atualizada</translation>
    </message>
    <message>
        <location filename="../pages/home.py" line="56"/>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <location filename="../pages/home.py" line="56"/>
        <source>Outcome</source>
        <translation>Resultado</translation>
    </message>
    <message>
        <location filename="../pages/home.py" line="56"/>
        <source>Candidate</source>
        <translation>Candidato</translation>
    </message>
    <message>
        <location filename="../pages/home.py" line="57"/>
        <source>Checklist</source>
        <translation>Lista de verificação</translation>
    </message>
    <message>
        <location filename="../pages/home.py" line="57"/>
        <source>Vehicle</source>
        <translation>Veículo</translation>
    </message>
    <message numerus="yes">
        <location filename="../pages/home.py" line="109"/>
        <source>%n assessment(s) in progress: select one and press Resume.</source>
        <translation>
            <numerusform>%n avaliação em curso: selecione-a e prima Retomar.</numerusform>
            <numerusform>%n avaliações em curso: selecione uma e prima Retomar.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>InstrumentRow</name>
    <message>
        <location filename="../pages/step_inputs.py" line="311"/>
        <source>Instrument id, e.g. FLUKE-1587-22</source>
        <translation>ID do instrumento, p. ex. FLUKE-1587-22</translation>
    </message>
    <message>
        <location filename="../pages/step_inputs.py" line="312"/>
        <location filename="../pages/step_inputs.py" line="317"/>
        <source>Instrument</source>
        <translation>Instrumento</translation>
    </message>
    <message>
        <location filename="../pages/step_inputs.py" line="313"/>
        <source>Range, e.g. 1000 V DC</source>
        <translation>Gama, p. ex. 1000 V CC</translation>
    </message>
    <message>
        <location filename="../pages/step_inputs.py" line="314"/>
        <location filename="../pages/step_inputs.py" line="319"/>
        <source>Range</source>
        <translation>Gama</translation>
    </message>
</context>
<context>
    <name>InterventionBox</name>
    <message>
        <location filename="../pages/step_inputs.py" line="174"/>
        <source>Assessor prompt or intervention</source>
        <translation>Indicação ou intervenção do avaliador</translation>
    </message>
    <message>
        <location filename="../pages/step_inputs.py" line="175"/>
        <source>What you prompted, or why you intervened</source>
        <translation>O que indicou, ou porque interveio</translation>
    </message>
    <message>
        <location filename="../pages/step_inputs.py" line="176"/>
        <source>Prompt or intervention note</source>
        <translation>Nota da indicação ou intervenção</translation>
    </message>
    <message>
        <location filename="../pages/step_inputs.py" line="177"/>
        <source>Prompted</source>
        <translation>Indicado</translation>
    </message>
    <message>
        <location filename="../pages/step_inputs.py" line="178"/>
        <source>Intervened</source>
        <translation>Interveio</translation>
    </message>
    <message>
        <location filename="../pages/step_inputs.py" line="197"/>
        <source>Critical step: a prompt or an intervention fails this step.</source>
        <translation>Passo crítico: uma indicação ou uma intervenção reprova este passo.</translation>
    </message>
    <message>
        <location filename="../pages/step_inputs.py" line="200"/>
        <source>{kind} (attempt {n}): {note}</source>
        <translation>{kind} (tentativa {n}): {note}</translation>
    </message>
    <message>
        <location filename="../pages/step_inputs.py" line="201"/>
        <source> · failed the step</source>
        <translation> · passo reprovado</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../main_window.py" line="32"/>
        <location filename="../main_window.py" line="376"/>
        <source>Assessor</source>
        <translation>Assessor</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="41"/>
        <source>Offline</source>
        <translation>Sem ligação</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="42"/>
        <source>Outbox: 0</source>
        <translation>Por enviar: 0</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="47"/>
        <source>Opening the assessments…</source>
        <translation>A abrir as avaliações…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="279"/>
        <source>unavailable: {reason}</source>
        <translation>indisponível: {reason}</translation>
    </message>
</context>
<context>
    <name>NewAssessmentPage</name>
    <message>
        <location filename="../pages/new_assessment.py" line="64"/>
        <source>Pseudonymous id, e.g. L-017</source>
        <translation>Identificador pseudónimo, p. ex. L-017</translation>
    </message>
    <message>
        <location filename="../pages/new_assessment.py" line="65"/>
        <location filename="../pages/new_assessment.py" line="67"/>
        <location filename="../pages/new_assessment.py" line="69"/>
        <source>Name (optional)</source>
        <translation>Nome (opcional)</translation>
    </message>
    <message>
        <location filename="../pages/new_assessment.py" line="66"/>
        <source>Id, e.g. assessor-03</source>
        <translation>ID, p. ex. assessor-03</translation>
    </message>
    <message>
        <location filename="../pages/new_assessment.py" line="68"/>
        <source>Id (optional)</source>
        <translation>ID (opcional)</translation>
    </message>
    <message>
        <location filename="../pages/new_assessment.py" line="73"/>
        <source>Two letters, e.g. FI</source>
        <translation>Duas letras, p. ex. PT</translation>
    </message>
    <message>
        <location filename="../pages/new_assessment.py" line="75"/>
        <source>Address (optional)</source>
        <translation>Morada (opcional)</translation>
    </message>
    <message>
        <location filename="../pages/new_assessment.py" line="81"/>
        <source>17 characters</source>
        <translation>17 caracteres</translation>
    </message>
    <message>
        <location filename="../pages/new_assessment.py" line="84"/>
        <source>The candidate consents to video recording</source>
        <translation>O candidato autoriza a gravação em vídeo</translation>
    </message>
    <message>
        <location filename="../pages/new_assessment.py" line="86"/>
        <source>&amp;Start assessment</source>
        <translation>&amp;Iniciar avaliação</translation>
    </message>
    <message>
        <location filename="../pages/new_assessment.py" line="87"/>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <location filename="../pages/new_assessment.py" line="89"/>
        <location filename="../pages/new_assessment.py" line="113"/>
        <source>Candidate id</source>
        <translation>ID do candidato</translation>
    </message>
    <message>
        <location filename="../pages/new_assessment.py" line="89"/>
        <location filename="../pages/new_assessment.py" line="114"/>
        <source>Candidate name</source>
        <translation>Nome do candidato</translation>
    </message>
    <message>
        <location filename="../pages/new_assessment.py" line="120"/>
        <source>Workshop</source>
        <translation>Oficina</translation>
    </message>
    <message>
        <location filename="../pages/new_assessment.py" line="95"/>
        <location filename="../pages/new_assessment.py" line="128"/>
        <source>Checklist</source>
        <translation>Lista de verificação</translation>
    </message>
    <message>
        <location filename="../pages/new_assessment.py" line="90"/>
        <location filename="../pages/new_assessment.py" line="115"/>
        <source>Assessor id</source>
        <translation>ID do avaliador</translation>
    </message>
    <message>
        <location filename="../pages/new_assessment.py" line="90"/>
        <location filename="../pages/new_assessment.py" line="116"/>
        <source>Assessor name</source>
        <translation>Nome do avaliador</translation>
    </message>
    <message>
        <location filename="../pages/new_assessment.py" line="91"/>
        <location filename="../pages/new_assessment.py" line="117"/>
        <source>Responsible person id</source>
        <translation>ID da pessoa responsável</translation>
    </message>
    <message>
        <location filename="../pages/new_assessment.py" line="92"/>
        <location filename="../pages/new_assessment.py" line="118"/>
        <source>Responsible person name</source>
        <translation>Nome da pessoa responsável</translation>
    </message>
    <message>
        <location filename="../pages/new_assessment.py" line="93"/>
        <location filename="../pages/new_assessment.py" line="122"/>
        <source>Workshop id</source>
        <translation>ID da oficina</translation>
    </message>
    <message>
        <location filename="../pages/new_assessment.py" line="93"/>
        <location filename="../pages/new_assessment.py" line="123"/>
        <source>Workshop name</source>
        <translation>Nome da oficina</translation>
    </message>
    <message>
        <location filename="../pages/new_assessment.py" line="94"/>
        <location filename="../pages/new_assessment.py" line="124"/>
        <source>Country</source>
        <translation>País</translation>
    </message>
    <message>
        <location filename="../pages/new_assessment.py" line="94"/>
        <source>Workshop address</source>
        <translation>Morada da oficina</translation>
    </message>
    <message>
        <location filename="../pages/new_assessment.py" line="95"/>
        <location filename="../pages/new_assessment.py" line="131"/>
        <source>Parameter set</source>
        <translation>Conjunto de parâmetros</translation>
    </message>
    <message>
        <location filename="../pages/new_assessment.py" line="96"/>
        <location filename="../pages/new_assessment.py" line="132"/>
        <source>Vehicle VIN</source>
        <translation>VIN do veículo</translation>
    </message>
    <message>
        <location filename="../pages/new_assessment.py" line="96"/>
        <location filename="../pages/new_assessment.py" line="133"/>
        <source>Working voltage</source>
        <translation>Tensão de trabalho</translation>
    </message>
    <message>
        <location filename="../pages/new_assessment.py" line="111"/>
        <source>People</source>
        <translation>Pessoas</translation>
    </message>
    <message>
        <location filename="../pages/new_assessment.py" line="125"/>
        <source>Address</source>
        <translation>Morada</translation>
    </message>
    <message>
        <location filename="../pages/new_assessment.py" line="126"/>
        <source>Task and vehicle</source>
        <translation>Tarefa e veículo</translation>
    </message>
    <message>
        <location filename="../pages/new_assessment.py" line="178"/>
        <source>Gateway: {gateway} · version {version} · {steps} steps
Prerequisites: {prereqs}</source>
        <translation>Nível: {gateway} · versão {version} · {steps} passos
Pré-requisitos: {prereqs}</translation>
    </message>
    <message>
        <location filename="../pages/new_assessment.py" line="179"/>
        <location filename="../pages/new_assessment.py" line="180"/>
        <source>none</source>
        <translation>nenhum</translation>
    </message>
    <message>
        <location filename="../pages/new_assessment.py" line="183"/>
        <source>This checklist asks for the responsible person&apos;s sign-off: name them.</source>
        <translation>Esta lista de verificação pede a assinatura da pessoa responsável: indique-a.</translation>
    </message>
    <message>
        <location filename="../pages/new_assessment.py" line="198"/>
        <source>candidate id</source>
        <translation>ID do candidato</translation>
    </message>
    <message>
        <location filename="../pages/new_assessment.py" line="198"/>
        <source>assessor id</source>
        <translation>ID do avaliador</translation>
    </message>
    <message>
        <location filename="../pages/new_assessment.py" line="199"/>
        <source>workshop id</source>
        <translation>ID da oficina</translation>
    </message>
    <message>
        <location filename="../pages/new_assessment.py" line="199"/>
        <source>country</source>
        <translation>país</translation>
    </message>
    <message>
        <location filename="../pages/new_assessment.py" line="201"/>
        <source>responsible person id</source>
        <translation>ID da pessoa responsável</translation>
    </message>
    <message>
        <location filename="../pages/new_assessment.py" line="208"/>
        <source>Country: two letters (ISO 3166), e.g. FI, not {value}</source>
        <translation>País: duas letras (ISO 3166), p. ex. PT, não {value}</translation>
    </message>
    <message>
        <location filename="../pages/new_assessment.py" line="230"/>
        <source>Awarding body: {name} (the training provider this workstation is enrolled with)</source>
        <translation>Entidade que atribui: {name} (a entidade formadora onde este posto está inscrito)</translation>
    </message>
    <message>
        <location filename="../pages/new_assessment.py" line="232"/>
        <source>Awarding body: none named (not enrolled with a training provider)</source>
        <translation>Entidade que atribui: nenhuma (não inscrito numa entidade formadora)</translation>
    </message>
    <message>
        <location filename="../pages/new_assessment.py" line="204"/>
        <source>Please fill in: {fields}</source>
        <translation>Falta preencher: {fields}</translation>
    </message>
</context>
<context>
    <name>PhotoStrip</name>
    <message>
        <location filename="../pages/step_inputs.py" line="49"/>
        <source>Photos</source>
        <extracomment>How large a thumbnail is shown in the strip (the controller makes them a little larger). Recorded with a redo: why the sequence is done again (the trainer&apos;s words go in a note).</extracomment>
        <translation>Fotografias</translation>
    </message>
    <message>
        <location filename="../pages/step_inputs.py" line="50"/>
        <source>Photo (P)</source>
        <translation>Fotografia (P)</translation>
    </message>
    <message>
        <location filename="../pages/step_inputs.py" line="51"/>
        <source>Take a photo with the camera</source>
        <translation>Tirar uma fotografia com a câmara</translation>
    </message>
    <message>
        <location filename="../pages/step_inputs.py" line="52"/>
        <source>Photo from file…</source>
        <translation>Fotografia de ficheiro…</translation>
    </message>
    <message>
        <location filename="../pages/step_inputs.py" line="53"/>
        <source>Add a photo from a file</source>
        <translation>Adicionar uma fotografia de um ficheiro</translation>
    </message>
    <message>
        <location filename="../pages/step_inputs.py" line="62"/>
        <source>Photos of this step</source>
        <translation>Fotografias deste passo</translation>
    </message>
    <message>
        <location filename="../pages/step_inputs.py" line="81"/>
        <source>Photo from file</source>
        <translation>Fotografia de ficheiro</translation>
    </message>
    <message>
        <location filename="../pages/step_inputs.py" line="81"/>
        <source>Pictures (*.jpg *.jpeg *.png *.JPG *.JPEG *.PNG)</source>
        <translation>Imagens (*.jpg *.jpeg *.png *.JPG *.JPEG *.PNG)</translation>
    </message>
</context>
<context>
    <name>ProviderSettings</name>
    <message>
        <location filename="../pages/provider_settings.py" line="20"/>
        <source>Training provider</source>
        <translation>Entidade formadora</translation>
    </message>
    <message>
        <location filename="../pages/provider_settings.py" line="23"/>
        <location filename="../pages/provider_settings.py" line="32"/>
        <source>Provider address</source>
        <translation>Endereço da entidade</translation>
    </message>
    <message>
        <location filename="../pages/provider_settings.py" line="25"/>
        <location filename="../pages/provider_settings.py" line="33"/>
        <source>Enrollment code</source>
        <translation>Código de inscrição</translation>
    </message>
    <message>
        <location filename="../pages/provider_settings.py" line="26"/>
        <source>Enroll this workstation</source>
        <translation>Inscrever este posto</translation>
    </message>
    <message>
        <location filename="../pages/provider_settings.py" line="27"/>
        <source>Not enrolled: sealed assessments stay on this computer.</source>
        <translation>Não inscrito: as avaliações seladas ficam neste computador.</translation>
    </message>
    <message>
        <location filename="../pages/provider_settings.py" line="30"/>
        <source>The provider gives you a one-time code for your workshop; the code decides which workshop this workstation delivers for.</source>
        <translation>A entidade dá-lhe um código de utilização única para a sua oficina; o código decide para que oficina este posto entrega.</translation>
    </message>
    <message>
        <location filename="../pages/provider_settings.py" line="37"/>
        <source>Assessors</source>
        <translation>Avaliadores</translation>
    </message>
    <message>
        <location filename="../pages/provider_settings.py" line="42"/>
        <source>Each assessor binds their own signing key to their record at the provider, once:
1. The provider registers you and gives you a one-time assessor code.
2. Enter your assessor id and that code here.
3. Enter your PIN: a new one (at least 4 characters) if this workstation has no key of yours yet, else the PIN you seal with.
Your key never leaves this workstation; the provider keeps only its public part. Sealing works offline afterwards.</source>
        <translation>Cada avaliador associa a sua própria chave de assinatura ao seu registo na entidade, uma única vez:
1. A entidade regista-o e dá-lhe um código de avaliador de utilização única.
2. Escreva aqui o seu id de avaliador e esse código.
3. Escreva o seu PIN: um novo (pelo menos 4 caracteres) se este posto ainda não tiver uma chave sua; caso contrário, o PIN com que sela.
A sua chave nunca sai deste posto; a entidade guarda apenas a parte pública. Depois disso, selar funciona também sem rede.</translation>
    </message>
    <message>
        <location filename="../pages/provider_settings.py" line="50"/>
        <location filename="../pages/provider_settings.py" line="60"/>
        <source>Assessor id</source>
        <translation>Id de avaliador</translation>
    </message>
    <message>
        <location filename="../pages/provider_settings.py" line="52"/>
        <location filename="../pages/provider_settings.py" line="61"/>
        <source>Assessor code</source>
        <translation>Código de avaliador</translation>
    </message>
    <message>
        <location filename="../pages/provider_settings.py" line="54"/>
        <source>Assessor&apos;s PIN</source>
        <translation>PIN do avaliador</translation>
    </message>
    <message>
        <location filename="../pages/provider_settings.py" line="55"/>
        <source>Bind my key</source>
        <translation>Associar a minha chave</translation>
    </message>
    <message>
        <location filename="../pages/provider_settings.py" line="57"/>
        <location filename="../pages/provider_settings.py" line="124"/>
        <source>No assessor has bound a key on this workstation.</source>
        <translation>Nenhum avaliador associou uma chave neste posto.</translation>
    </message>
    <message>
        <location filename="../pages/provider_settings.py" line="58"/>
        <source>Assessors bound on this workstation</source>
        <translation>Avaliadores associados neste posto</translation>
    </message>
    <message>
        <location filename="../pages/provider_settings.py" line="62"/>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <location filename="../pages/provider_settings.py" line="81"/>
        <source>Fill in the provider address and the enrollment code.</source>
        <translation>Preencha o endereço da entidade e o código de inscrição.</translation>
    </message>
    <message>
        <location filename="../pages/provider_settings.py" line="84"/>
        <source>Enrolling…</source>
        <translation>A inscrever…</translation>
    </message>
    <message>
        <location filename="../pages/provider_settings.py" line="90"/>
        <source>Enrolled with {url} as {workshop}. Provider key: {key}</source>
        <translation>Inscrito em {url} como {workshop}. Chave da entidade: {key}</translation>
    </message>
    <message>
        <location filename="../pages/provider_settings.py" line="95"/>
        <source>Not enrolled: {reason}</source>
        <translation>Não inscrito: {reason}</translation>
    </message>
    <message>
        <location filename="../pages/provider_settings.py" line="102"/>
        <source>Fill in your assessor id, the assessor code and your PIN.</source>
        <translation>Preencha o seu id de avaliador, o código de avaliador e o seu PIN.</translation>
    </message>
    <message>
        <location filename="../pages/provider_settings.py" line="105"/>
        <source>Binding your key…</source>
        <translation>A associar a sua chave…</translation>
    </message>
    <message>
        <location filename="../pages/provider_settings.py" line="112"/>
        <source>Bound: {name} ({id}), {qualification}, valid through {expires}.</source>
        <translation>Associado: {name} ({id}), {qualification}, válida até {expires}.</translation>
    </message>
    <message>
        <location filename="../pages/provider_settings.py" line="119"/>
        <source>Not bound: {reason}</source>
        <translation>Não associado: {reason}</translation>
    </message>
    <message>
        <location filename="../pages/provider_settings.py" line="130"/>
        <source>NOT ACCEPTED: {problem}</source>
        <translation>NÃO ACEITE: {problem}</translation>
    </message>
    <message>
        <location filename="../pages/provider_settings.py" line="131"/>
        <source>accepted by the provider</source>
        <translation>aceite pela entidade</translation>
    </message>
    <message>
        <location filename="../pages/provider_settings.py" line="132"/>
        <source>{id} ({name}): {qualification} through {expires}; {state} (checked {when})</source>
        <translation>{id} ({name}): {qualification}, válida até {expires}; {state} (verificado {when})</translation>
    </message>
</context>
<context>
    <name>QuestionsBox</name>
    <message>
        <location filename="../pages/step_inputs.py" line="109"/>
        <source>Oral questions</source>
        <translation>Perguntas orais</translation>
    </message>
    <message>
        <location filename="../pages/step_inputs.py" line="127"/>
        <source>The answer given</source>
        <translation>A resposta dada</translation>
    </message>
    <message>
        <location filename="../pages/step_inputs.py" line="128"/>
        <source>Answer: {question}</source>
        <translation>Resposta: {question}</translation>
    </message>
    <message>
        <location filename="../pages/step_inputs.py" line="130"/>
        <source>Correct</source>
        <translation>Correta</translation>
    </message>
    <message>
        <location filename="../pages/step_inputs.py" line="131"/>
        <source>Incorrect</source>
        <translation>Incorreta</translation>
    </message>
    <message>
        <location filename="../pages/step_inputs.py" line="153"/>
        <source>noted: correct ✔</source>
        <translation>anotada: correta ✔</translation>
    </message>
    <message>
        <location filename="../pages/step_inputs.py" line="153"/>
        <source>noted: incorrect ✘</source>
        <translation>anotada: incorreta ✘</translation>
    </message>
</context>
<context>
    <name>ReviewPage</name>
    <message>
        <location filename="../pages/review.py" line="45"/>
        <source>Missing or incomplete evidence</source>
        <translation>Evidências em falta ou incompletas</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="49"/>
        <source>How the candidate&apos;s identity was checked</source>
        <translation>Como foi verificada a identidade do candidato</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="50"/>
        <source>Choose…</source>
        <translation>Escolher…</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="53"/>
        <source>Note, e.g. the kind of document (optional)</source>
        <translation>Nota, p. ex. o tipo de documento (opcional)</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="54"/>
        <source>Identity check note</source>
        <translation>Nota da verificação de identidade</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="55"/>
        <source>Record identity check</source>
        <translation>Registar verificação de identidade</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="61"/>
        <source>Sign-offs</source>
        <translation>Assinaturas</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="64"/>
        <location filename="../pages/review.py" line="242"/>
        <source>Name, typed by the person signing</source>
        <translation>Nome, escrito por quem assina</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="65"/>
        <source>Name of the {role} signing</source>
        <translation>Nome de quem assina como {role}</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="66"/>
        <source>Sign off</source>
        <translation>Assinar</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="67"/>
        <source>Sign off as the {role}</source>
        <translation>Assinar como {role}</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="83"/>
        <source>&amp;Finish assessment</source>
        <translation>&amp;Concluir avaliação</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="84"/>
        <source>Back to steps (Esc)</source>
        <translation>Voltar aos passos (Esc)</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="85"/>
        <source>Home</source>
        <translation>Início</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="86"/>
        <source>Assessor&apos;s PIN to seal</source>
        <translation>PIN do avaliador para selar</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="88"/>
        <source>Assessor&apos;s PIN</source>
        <translation>PIN do avaliador</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="89"/>
        <source>S&amp;eal evidence</source>
        <translation>S&amp;elar evidências</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="93"/>
        <source>Candidate&apos;s identity</source>
        <translation>Identidade do candidato</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="105"/>
        <source>Behavioural rubric</source>
        <translation>Rubrica de comportamento</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="144"/>
        <source>Outcome: {o}</source>
        <translation>Resultado: {o}</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="145"/>
        <source>Outcome so far: {o}</source>
        <translation>Resultado provisório: {o}</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="149"/>
        <source>Hazard found and correctly stopped: stopping was the right decision, so this is not a fail of the candidate. The task could not be completed on this vehicle: re-assess on a sound vehicle.</source>
        <translation>Perigo detetado e trabalho parado corretamente: parar foi a decisão certa, por isso não é uma reprovação do candidato. A tarefa não pôde ser concluída neste veículo: reavaliar num veículo sem defeitos.</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="154"/>
        <source>Missing or incomplete evidence: {items}</source>
        <translation>Evidências em falta ou incompletas: {items}</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="158"/>
        <source>All evidence the checklist asks for is recorded.</source>
        <translation>Todas as evidências exigidas pela lista de verificação estão registadas.</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="167"/>
        <source>not scored</source>
        <translation>sem pontuação</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="214"/>
        <source>Identity: {method}</source>
        <translation>Identidade: {method}</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="218"/>
        <source>Identity: not recorded yet</source>
        <translation>Identidade: ainda não registada</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="236"/>
        <source>Signed by {name}</source>
        <translation>Assinado por {name}</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="238"/>
        <source>No responsible person was named for this assessment.</source>
        <translation>Não foi indicada nenhuma pessoa responsável para esta avaliação.</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="251"/>
        <source>I did the work assessed here myself, and I have seen this record.</source>
        <translation>Fiz eu próprio o trabalho aqui avaliado e vi este registo.</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="253"/>
        <source>I was responsible for this work (SFS 6002) and confirm this record.</source>
        <translation>Fui a pessoa responsável por este trabalho (SFS 6002) e confirmo este registo.</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="254"/>
        <source>I observed this assessment.</source>
        <translation>Observei esta avaliação.</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="265"/>
        <source>Choose how the candidate&apos;s identity was checked (or that it was not).</source>
        <translation>Escolha como foi verificada a identidade do candidato (ou que não foi verificada).</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="188"/>
        <source>Sealed: {path}</source>
        <translation>Selado: {path}</translation>
    </message>
</context>
<context>
    <name>RunPage</name>
    <message>
        <location filename="../pages/run.py" line="82"/>
        <source>Steps</source>
        <extracomment>The width the step list&apos;s column starts with (the trainer can drag the divider).</extracomment>
        <translation>Passos</translation>
    </message>
    <message>
        <location filename="../pages/run.py" line="93"/>
        <source>Reason (needed for N/A; useful for a fail)</source>
        <translation>Motivo (obrigatório se não aplicável; útil se reprovado)</translation>
    </message>
    <message>
        <location filename="../pages/run.py" line="94"/>
        <source>Reason</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <location filename="../pages/run.py" line="95"/>
        <source>Note on this step</source>
        <translation>Nota sobre este passo</translation>
    </message>
    <message>
        <location filename="../pages/run.py" line="96"/>
        <source>Note</source>
        <translation>Nota</translation>
    </message>
    <message>
        <location filename="../pages/run.py" line="97"/>
        <source>Add note</source>
        <translation>Adicionar nota</translation>
    </message>
    <message>
        <location filename="../pages/run.py" line="98"/>
        <source>Start step (S)</source>
        <translation>Iniciar passo (S)</translation>
    </message>
    <message>
        <location filename="../pages/run.py" line="99"/>
        <source>Pass (Space)</source>
        <translation>Aprovado (Space)</translation>
    </message>
    <message>
        <location filename="../pages/run.py" line="100"/>
        <source>Fail (F)</source>
        <translation>Reprovado (F)</translation>
    </message>
    <message>
        <location filename="../pages/run.py" line="101"/>
        <source>N/A (N)</source>
        <translation>Não aplicável (N)</translation>
    </message>
    <message>
        <location filename="../pages/run.py" line="102"/>
        <source>Hazard found, stopped (H)</source>
        <translation>Perigo detetado, parado (H)</translation>
    </message>
    <message>
        <location filename="../pages/run.py" line="103"/>
        <source>Hazard found, correctly stopped</source>
        <translation>Perigo detetado, parado corretamente</translation>
    </message>
    <message>
        <location filename="../pages/run.py" line="108"/>
        <location filename="../pages/run.py" line="147"/>
        <source>Done by</source>
        <translation>Feito por</translation>
    </message>
    <message>
        <location filename="../pages/run.py" line="109"/>
        <source>Review (R)</source>
        <translation>Rever (R)</translation>
    </message>
    <message>
        <location filename="../pages/run.py" line="242"/>
        <source>Risk: {risk} · evidence: {evidence}</source>
        <translation>Risco: {risk} · evidências: {evidence}</translation>
    </message>
    <message>
        <location filename="../pages/run.py" line="246"/>
        <source>Pass criterion: {c}</source>
        <translation>Critério de aprovação: {c}</translation>
    </message>
    <message>
        <location filename="../pages/run.py" line="262"/>
        <source>Hazard stop: {hazard}</source>
        <translation>Paragem por perigo: {hazard}</translation>
    </message>
    <message>
        <location filename="../pages/run.py" line="299"/>
        <source>Record</source>
        <translation>Registar</translation>
    </message>
    <message>
        <location filename="../pages/run.py" line="330"/>
        <source>in range ✔</source>
        <translation>dentro do intervalo ✔</translation>
    </message>
    <message>
        <location filename="../pages/run.py" line="330"/>
        <source>OUT OF RANGE ✘</source>
        <translation>FORA DO INTERVALO ✘</translation>
    </message>
    <message>
        <location filename="../pages/run.py" line="348"/>
        <source>Wait over</source>
        <translation>Espera concluída</translation>
    </message>
    <message>
        <location filename="../pages/run.py" line="352"/>
        <source>{what}: {time} left</source>
        <translation>{what}: faltam {time}</translation>
    </message>
    <message>
        <location filename="../pages/run.py" line="408"/>
        <source>{label}: enter a number, e.g. 0.4 or 0.4 {unit}</source>
        <translation>{label}: introduza um número, p. ex. 0,4 ou 0,4 {unit}</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <location filename="../pages/settings.py" line="89"/>
        <location filename="../pages/settings.py" line="102"/>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="94"/>
        <location filename="../pages/settings.py" line="106"/>
        <location filename="../pages/settings.py" line="198"/>
        <source>Data folder</source>
        <translation>Pasta de dados</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="95"/>
        <source>Choose…</source>
        <translation>Escolher…</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="96"/>
        <source>&amp;Save</source>
        <translation>&amp;Guardar</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="97"/>
        <source>Back</source>
        <translation>Voltar</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="100"/>
        <source>General (applies when the app is next started)</source>
        <translation>Geral (aplica-se no próximo arranque da aplicação)</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="107"/>
        <source>Devices (apply to the next assessment opened)</source>
        <translation>Dispositivos (aplicam-se à próxima avaliação aberta)</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="110"/>
        <location filename="../pages/settings.py" line="120"/>
        <source>Camera</source>
        <translation>Câmara</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="111"/>
        <source>No camera</source>
        <translation>Sem câmara</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="112"/>
        <source>Simulated camera (test pattern)</source>
        <translation>Câmara simulada (padrão de teste)</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="114"/>
        <source>Camera {name}</source>
        <translation>Câmara {name}</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="116"/>
        <source>Find cameras</source>
        <translation>Procurar câmaras</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="122"/>
        <location filename="../pages/settings.py" line="142"/>
        <source>Vehicle adapter</source>
        <translation>Adaptador do veículo</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="123"/>
        <source>No vehicle adapter</source>
        <translation>Sem adaptador</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="124"/>
        <source>Simulated EV (virtual CAN bus)</source>
        <translation>VE simulado (barramento CAN virtual)</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="129"/>
        <source>Find adapters</source>
        <translation>Procurar adaptadores</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="134"/>
        <location filename="../pages/settings.py" line="143"/>
        <source>Bit rate</source>
        <translation>Taxa de bits</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="138"/>
        <source>Listen only (never transmit on the bus)</source>
        <translation>Só escuta (nunca transmite no barramento)</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="140"/>
        <source>Test connection</source>
        <translation>Testar ligação</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="151"/>
        <source>This workstation</source>
        <translation>Este posto</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="153"/>
        <source>not created yet</source>
        <translation>ainda não criada</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="155"/>
        <source>Workstation key fingerprint</source>
        <translation>Impressão digital da chave do posto</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="157"/>
        <source>Signing key fingerprint</source>
        <translation>Impressão digital da chave de assinatura</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="158"/>
        <source>The training provider compares this with the key it enrolled for this workstation.</source>
        <translation>A entidade formadora compara-a com a chave que registou para este posto.</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="194"/>
        <source>Looking for cameras (a few seconds)…</source>
        <translation>A procurar câmaras (alguns segundos)…</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="224"/>
        <source>Looking for vehicle adapters (a few seconds)…</source>
        <translation>A procurar adaptadores (alguns segundos)…</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="233"/>
        <source>{n} adapter(s) found.</source>
        <translation>Adaptadores encontrados: {n}.</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="239"/>
        <source>Choose a vehicle adapter first.</source>
        <translation>Escolha primeiro um adaptador.</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="242"/>
        <source>Testing the connection (2 s)…</source>
        <translation>A testar a ligação (2 s)…</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="255"/>
        <source>{n} camera(s) found.</source>
        <translation>Câmaras encontradas: {n}.</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="258"/>
        <source>Saved to {path}. Restart the app to apply.</source>
        <translation>Guardado em {path}. Reinicie a aplicação para aplicar as alterações.</translation>
    </message>
</context>
<context>
    <name>StepInputs</name>
    <message>
        <location filename="../pages/step_inputs.py" line="224"/>
        <source>Re-prove the tester and measure again</source>
        <translation>Voltar a provar o verificador e medir de novo</translation>
    </message>
    <message>
        <location filename="../pages/step_inputs.py" line="273"/>
        <source>Locked into the hazard stop: {lock}. Make the vehicle safe, keep it quarantined and record the hazard stop (H).</source>
        <translation>Bloqueado na paragem por perigo: {lock}. Coloque o veículo em segurança, mantenha-o em quarentena e registe a paragem por perigo (H).</translation>
    </message>
    <message>
        <location filename="../pages/step_inputs.py" line="279"/>
        <source>The live-dead-live window has lapsed: do the sequence again from step {step} ({title}). Every reading is kept.</source>
        <translation>A janela vivo-morto-vivo expirou: repita a sequência a partir do passo {step} ({title}). Todas as leituras são guardadas.</translation>
    </message>
</context>
<context>
    <name>ThemeChoice</name>
    <message>
        <location filename="../pages/appearance.py" line="18"/>
        <source>Appearance (applies at once)</source>
        <translation>Aspeto (aplica-se de imediato)</translation>
    </message>
    <message>
        <location filename="../pages/appearance.py" line="19"/>
        <source>Light: for a bright shop</source>
        <translation>Claro: para uma oficina luminosa</translation>
    </message>
    <message>
        <location filename="../pages/appearance.py" line="20"/>
        <source>Dark, high contrast: for a dark bay</source>
        <translation>Escuro, alto contraste: para um posto escuro</translation>
    </message>
    <message>
        <location filename="../pages/appearance.py" line="27"/>
        <source>Theme: {name}</source>
        <translation>Tema: {name}</translation>
    </message>
</context>
<context>
    <name>VideoCoordinator</name>
    <message>
        <location filename="../video.py" line="143"/>
        <source>No assessment open</source>
        <extracomment>an unexpected error, for the window&apos;s crash handling (a signal: no reference to the window)</extracomment>
        <translation>Nenhuma avaliação aberta</translation>
    </message>
    <message>
        <location filename="../video.py" line="152"/>
        <source>Assessment closed: no recording</source>
        <translation>Avaliação fechada: sem gravação</translation>
    </message>
    <message>
        <location filename="../video.py" line="155"/>
        <source>Not recording: no consent to video</source>
        <translation>Sem gravar: sem consentimento de vídeo</translation>
    </message>
    <message>
        <location filename="../video.py" line="158"/>
        <source>No camera chosen (Settings)</source>
        <translation>Nenhuma câmara escolhida (Definições)</translation>
    </message>
    <message>
        <location filename="../video.py" line="160"/>
        <source>Starting the camera…</source>
        <translation>A iniciar a câmara…</translation>
    </message>
    <message>
        <location filename="../video.py" line="187"/>
        <source>Camera not available</source>
        <translation>Câmara indisponível</translation>
    </message>
</context>
<context>
    <name>VideoPanel</name>
    <message>
        <location filename="../video.py" line="52"/>
        <source>Camera preview</source>
        <extracomment>The live preview beside the step list: small enough that the list shows most steps on a 1366x768 screen, large enough to see that the camera frames the work.</extracomment>
        <translation>Pré-visualização da câmara</translation>
    </message>
    <message>
        <location filename="../video.py" line="54"/>
        <source>Recording status</source>
        <translation>Estado da gravação</translation>
    </message>
    <message>
        <location filename="../video.py" line="55"/>
        <location filename="../video.py" line="123"/>
        <source>Pause recording (V)</source>
        <translation>Pausar gravação (V)</translation>
    </message>
    <message>
        <location filename="../video.py" line="104"/>
        <source> · {n} frames dropped</source>
        <translation> · {n} imagens perdidas</translation>
    </message>
    <message>
        <location filename="../video.py" line="107"/>
        <source>● REC {time} · {size}</source>
        <translation>● GRAV {time} · {size}</translation>
    </message>
    <message>
        <location filename="../video.py" line="110"/>
        <source>Paused at {time} · {size}</source>
        <translation>Em pausa em {time} · {size}</translation>
    </message>
    <message>
        <location filename="../video.py" line="113"/>
        <source>Camera lost: waiting for it to come back</source>
        <translation>Câmara perdida: à espera que volte</translation>
    </message>
    <message>
        <location filename="../video.py" line="116"/>
        <source>Recorded {time} in {n} segments · {size}</source>
        <translation>Gravado {time} em {n} segmentos · {size}</translation>
    </message>
    <message>
        <location filename="../video.py" line="122"/>
        <source>Resume recording (V)</source>
        <translation>Retomar gravação (V)</translation>
    </message>
</context>
<context>
    <name>YesNo</name>
    <message>
        <location filename="../pages/field_inputs.py" line="64"/>
        <source>Yes</source>
        <translation>Sim</translation>
    </message>
    <message>
        <location filename="../pages/field_inputs.py" line="65"/>
        <source>No</source>
        <translation>Não</translation>
    </message>
    <message>
        <location filename="../pages/field_inputs.py" line="66"/>
        <source>{field}: yes</source>
        <translation>{field}: sim</translation>
    </message>
    <message>
        <location filename="../pages/field_inputs.py" line="67"/>
        <source>{field}: no</source>
        <translation>{field}: não</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <location filename="../window.py" line="146"/>
        <source>Assessor is already open on this computer.</source>
        <extracomment>How long the start waits for the window&apos;s first frame before it loads the store anyway (a window that starts minimised is not painted until it is shown). The modules of the pages and devices: imported on the writer thread while the first frame is up, so that building the pages on the GUI thread does not wait for imports.</extracomment>
        <translation>O Assessor já está aberto neste computador.</translation>
    </message>
    <message>
        <location filename="../window.py" line="165"/>
        <source>The assessments could not be opened: see the error message.</source>
        <translation>Não foi possível abrir as avaliações: veja a mensagem de erro.</translation>
    </message>
</context>
<context>
    <name>labels</name>
    <message>
        <location filename="../labels.py" line="14"/>
        <source>competent</source>
        <translation>competente</translation>
    </message>
    <message>
        <location filename="../labels.py" line="15"/>
        <source>not yet competent</source>
        <translation>ainda não competente</translation>
    </message>
    <message>
        <location filename="../labels.py" line="16"/>
        <source>incomplete</source>
        <translation>incompleta</translation>
    </message>
    <message>
        <location filename="../labels.py" line="17"/>
        <source>abandoned</source>
        <translation>abandonada</translation>
    </message>
    <message>
        <location filename="../labels.py" line="18"/>
        <source>stopped safely</source>
        <translation>parada em segurança</translation>
    </message>
    <message>
        <location filename="../labels.py" line="19"/>
        <source>hazard found, correctly stopped</source>
        <translation>perigo detetado, parado corretamente</translation>
    </message>
    <message>
        <location filename="../labels.py" line="20"/>
        <source>not done</source>
        <translation>por fazer</translation>
    </message>
    <message>
        <location filename="../labels.py" line="21"/>
        <source>can be done now</source>
        <translation>pode ser feito agora</translation>
    </message>
    <message>
        <location filename="../labels.py" line="22"/>
        <source>not allowed yet</source>
        <translation>ainda não permitido</translation>
    </message>
    <message>
        <location filename="../labels.py" line="23"/>
        <source>passed</source>
        <translation>aprovado</translation>
    </message>
    <message>
        <location filename="../labels.py" line="24"/>
        <source>failed</source>
        <translation>reprovado</translation>
    </message>
    <message>
        <location filename="../labels.py" line="25"/>
        <source>not applicable</source>
        <translation>não aplicável</translation>
    </message>
    <message>
        <location filename="../labels.py" line="26"/>
        <source>in progress</source>
        <translation>em curso</translation>
    </message>
    <message>
        <location filename="../labels.py" line="27"/>
        <source>stopped</source>
        <translation>parada</translation>
    </message>
    <message>
        <location filename="../labels.py" line="28"/>
        <source>finished</source>
        <translation>concluída</translation>
    </message>
    <message>
        <location filename="../labels.py" line="29"/>
        <source>sealed</source>
        <translation>selada</translation>
    </message>
    <message>
        <location filename="../labels.py" line="30"/>
        <source>synced</source>
        <translation>sincronizada</translation>
    </message>
    <message>
        <location filename="../labels.py" line="31"/>
        <source>critical</source>
        <translation>crítico</translation>
    </message>
    <message>
        <location filename="../labels.py" line="32"/>
        <source>high</source>
        <translation>elevado</translation>
    </message>
    <message>
        <location filename="../labels.py" line="33"/>
        <source>standard</source>
        <translation>normal</translation>
    </message>
    <message>
        <location filename="../labels.py" line="34"/>
        <source>foundational electrical safety</source>
        <translation>segurança elétrica básica</translation>
    </message>
    <message>
        <location filename="../labels.py" line="35"/>
        <source>HV maintenance (non-live)</source>
        <translation>manutenção AT (sem tensão)</translation>
    </message>
    <message>
        <location filename="../labels.py" line="36"/>
        <source>EV/hybrid work incl. de-energising</source>
        <translation>trabalhos em VE/híbridos incl. desenergização</translation>
    </message>
    <message>
        <location filename="../labels.py" line="37"/>
        <source>live work</source>
        <translation>trabalhos em tensão</translation>
    </message>
    <message>
        <location filename="../labels.py" line="38"/>
        <source>video</source>
        <translation>vídeo</translation>
    </message>
    <message>
        <location filename="../labels.py" line="39"/>
        <source>photo</source>
        <translation>fotografia</translation>
    </message>
    <message>
        <location filename="../labels.py" line="40"/>
        <source>measurement</source>
        <translation>medição</translation>
    </message>
    <message>
        <location filename="../labels.py" line="41"/>
        <source>CAN/OBD log</source>
        <translation>registo CAN/OBD</translation>
    </message>
    <message>
        <location filename="../labels.py" line="42"/>
        <source>observation</source>
        <translation>observação</translation>
    </message>
    <message>
        <location filename="../labels.py" line="43"/>
        <source>sign-off</source>
        <translation>assinatura</translation>
    </message>
    <message>
        <location filename="../labels.py" line="44"/>
        <source>assessor</source>
        <translation>avaliador</translation>
    </message>
    <message>
        <location filename="../labels.py" line="45"/>
        <source>candidate</source>
        <translation>candidato</translation>
    </message>
    <message>
        <location filename="../labels.py" line="46"/>
        <source>responsible person</source>
        <translation>pessoa responsável</translation>
    </message>
    <message>
        <location filename="../labels.py" line="47"/>
        <source>photo ID checked</source>
        <translation>documento de identificação com fotografia verificado</translation>
    </message>
    <message>
        <location filename="../labels.py" line="48"/>
        <source>known to the assessor</source>
        <translation>conhecido do avaliador</translation>
    </message>
    <message>
        <location filename="../labels.py" line="49"/>
        <source>checked against the provider&apos;s record</source>
        <translation>verificado no registo da entidade formadora</translation>
    </message>
    <message>
        <location filename="../labels.py" line="50"/>
        <source>not checked</source>
        <translation>não verificada</translation>
    </message>
    <message>
        <location filename="../labels.py" line="51"/>
        <source>prompt</source>
        <translation>indicação</translation>
    </message>
    <message>
        <location filename="../labels.py" line="52"/>
        <source>intervention</source>
        <translation>intervenção</translation>
    </message>
    <message>
        <location filename="../labels.py" line="53"/>
        <source>camera</source>
        <translation>câmara</translation>
    </message>
    <message>
        <location filename="../labels.py" line="54"/>
        <source>file</source>
        <translation>ficheiro</translation>
    </message>
</context>
</TS>

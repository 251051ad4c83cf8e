<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_ES" sourcelanguage="en">
<context>
    <name>CrashReporter</name>
    <message>
        <location filename="../crash.py" line="74"/>
        <source>Assessor: unexpected error</source>
        <translation>Assessor: error inesperado</translation>
    </message>
    <message>
        <location filename="../crash.py" line="75"/>
        <source>Something went wrong. What you recorded so far is saved.

{s}</source>
        <translation>Algo ha fallado. Todo lo registrado hasta ahora está guardado.

{s}</translation>
    </message>
</context>
<context>
    <name>DeliveryCoordinator</name>
    <message>
        <location filename="../delivery.py" line="83"/>
        <source>Not enrolled with a provider</source>
        <translation>No inscrito con un centro de formación</translation>
    </message>
    <message>
        <location filename="../delivery.py" line="84"/>
        <source>Delivery stopped: {reason}</source>
        <translation>Envío detenido: {reason}</translation>
    </message>
    <message>
        <location filename="../delivery.py" line="85"/>
        <location filename="../delivery.py" line="158"/>
        <location filename="../delivery.py" line="181"/>
        <source>Outbox: {n}</source>
        <translation>Bandeja de salida: {n}</translation>
    </message>
    <message>
        <location filename="../delivery.py" line="155"/>
        <source>Provider: this workstation was revoked</source>
        <translation>Centro: este puesto ha sido revocado</translation>
    </message>
    <message>
        <location filename="../delivery.py" line="165"/>
        <source>Provider: up to date</source>
        <translation>Centro: al día</translation>
    </message>
    <message>
        <location filename="../delivery.py" line="165"/>
        <source>Provider: sending</source>
        <translation>Centro: enviando</translation>
    </message>
    <message>
        <location filename="../delivery.py" line="166"/>
        <source>Provider: offline</source>
        <translation>Centro: sin conexión</translation>
    </message>
    <message>
        <location filename="../delivery.py" line="166"/>
        <source>Provider: retrying</source>
        <translation>Centro: reintentando</translation>
    </message>
    <message>
        <location filename="../delivery.py" line="167"/>
        <source>Provider: paused</source>
        <translation>Centro: en pausa</translation>
    </message>
    <message>
        <location filename="../delivery.py" line="167"/>
        <source>Provider: stopped</source>
        <translation>Centro: detenido</translation>
    </message>
    <message>
        <location filename="../delivery.py" line="171"/>
        <source>Provider: sending {id} {pct}%</source>
        <translation>Centro: enviando {id} {pct} %</translation>
    </message>
    <message>
        <location filename="../delivery.py" line="174"/>
        <source> (next try in {s} s)</source>
        <translation> (próximo intento en {s} s)</translation>
    </message>
    <message>
        <location filename="../delivery.py" line="177"/>
        <source> · last delivery {when}</source>
        <translation> · último envío {when}</translation>
    </message>
    <message>
        <location filename="../delivery.py" line="180"/>
        <source>, {n} refused</source>
        <translation>, {n} rechazados</translation>
    </message>
</context>
<context>
    <name>DiagnosticsCoordinator</name>
    <message>
        <location filename="../diagnostics.py" line="101"/>
        <location filename="../diagnostics.py" line="109"/>
        <source>No vehicle adapter (Settings)</source>
        <translation>Sin adaptador del vehículo (Ajustes)</translation>
    </message>
    <message>
        <location filename="../diagnostics.py" line="112"/>
        <source>Assessment closed: no CAN log</source>
        <translation>Evaluación cerrada: sin registro CAN</translation>
    </message>
    <message>
        <location filename="../diagnostics.py" line="114"/>
        <source>Connecting to the vehicle adapter…</source>
        <translation>Conectando con el adaptador…</translation>
    </message>
    <message>
        <location filename="../diagnostics.py" line="153"/>
        <source>Vehicle adapter not available</source>
        <translation>Adaptador no disponible</translation>
    </message>
    <message>
        <location filename="../diagnostics.py" line="174"/>
        <source>CAN log closed</source>
        <translation>Registro CAN cerrado</translation>
    </message>
    <message>
        <location filename="../diagnostics.py" line="211"/>
        <source>DTC snapshot: {what}</source>
        <translation>Instantánea de DTC: {what}</translation>
    </message>
    <message>
        <location filename="../diagnostics.py" line="213"/>
        <source>signal check: {what}</source>
        <translation>comprobación de señales: {what}</translation>
    </message>
    <message>
        <location filename="../diagnostics.py" line="215"/>
        <source>Needed before a pass: {what}</source>
        <translation>Necesario antes de superar: {what}</translation>
    </message>
    <message>
        <location filename="../diagnostics.py" line="241"/>
        <source>Reading the vehicle…</source>
        <translation>Leyendo el vehículo…</translation>
    </message>
    <message>
        <location filename="../diagnostics.py" line="251"/>
        <source>Checking the signals…</source>
        <translation>Comprobando las señales…</translation>
    </message>
</context>
<context>
    <name>DiagnosticsPanel</name>
    <message>
        <location filename="../diagnostics.py" line="40"/>
        <source>Vehicle adapter status</source>
        <translation>Estado del adaptador</translation>
    </message>
    <message>
        <location filename="../diagnostics.py" line="41"/>
        <source>DTC snapshot (D)</source>
        <translation>Instantánea DTC (D)</translation>
    </message>
    <message>
        <location filename="../diagnostics.py" line="42"/>
        <source>Check signals (C)</source>
        <translation>Comprobar señales (C)</translation>
    </message>
    <message>
        <location filename="../diagnostics.py" line="44"/>
        <source>Diagnostics of this step</source>
        <translation>Diagnóstico de este paso</translation>
    </message>
    <message>
        <location filename="../diagnostics.py" line="69"/>
        <source>Vehicle adapter lost: {device}</source>
        <translation>Adaptador perdido: {device}</translation>
    </message>
    <message>
        <location filename="../diagnostics.py" line="73"/>
        <source> · {n} frames lost</source>
        <translation> · {n} tramas perdidas</translation>
    </message>
    <message>
        <location filename="../diagnostics.py" line="75"/>
        <source>CAN log: {device} · {fps} frames/s ({pct}%)</source>
        <translation>Registro CAN: {device} · {fps} tramas/s ({pct} %)</translation>
    </message>
</context>
<context>
    <name>HomePage</name>
    <message>
        <location filename="../pages/home.py" line="36"/>
        <source>Search candidate, checklist, VIN, workshop</source>
        <translation>Buscar candidato, lista de verificación, VIN, taller</translation>
    </message>
    <message>
        <location filename="../pages/home.py" line="37"/>
        <source>Search assessments</source>
        <translation>Buscar evaluaciones</translation>
    </message>
    <message>
        <location filename="../pages/home.py" line="39"/>
        <source>Filter by status</source>
        <translation>Filtrar por estado</translation>
    </message>
    <message>
        <location filename="../pages/home.py" line="41"/>
        <source>All</source>
        <translation>Todas</translation>
    </message>
    <message>
        <location filename="../pages/home.py" line="41"/>
        <source>In progress</source>
        <translation>En curso</translation>
    </message>
    <message>
        <location filename="../pages/home.py" line="42"/>
        <source>Finished</source>
        <translation>Finalizada</translation>
    </message>
    <message>
        <location filename="../pages/home.py" line="42"/>
        <source>Abandoned</source>
        <translation>Abandonada</translation>
    </message>
    <message>
        <location filename="../pages/home.py" line="43"/>
        <source>Sealed</source>
        <translation>Sellada</translation>
    </message>
    <message>
        <location filename="../pages/home.py" line="43"/>
        <source>Synced</source>
        <translation>Sincronizada</translation>
    </message>
    <message>
        <location filename="../pages/home.py" line="47"/>
        <source>&amp;New assessment</source>
        <translation>&amp;Nueva evaluación</translation>
    </message>
    <message>
        <location filename="../pages/home.py" line="48"/>
        <source>&amp;Resume</source>
        <translation>&amp;Reanudar</translation>
    </message>
    <message>
        <location filename="../pages/home.py" line="50"/>
        <source>Se&amp;ttings</source>
        <translation>&amp;Ajustes</translation>
    </message>
    <message>
        <location filename="../pages/home.py" line="53"/>
        <source>Updated</source>
        <translation>Actualizada</translation>
    </message>
    <message>
        <location filename="../pages/home.py" line="53"/>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <location filename="../pages/home.py" line="53"/>
        <source>Outcome</source>
        <translation>Resultado</translation>
    </message>
    <message>
        <location filename="../pages/home.py" line="53"/>
        <source>Candidate</source>
        <translation>Candidato</translation>
    </message>
    <message>
        <location filename="../pages/home.py" line="54"/>
        <source>Checklist</source>
        <translation>Lista de verificación</translation>
    </message>
    <message>
        <location filename="../pages/home.py" line="54"/>
        <source>Vehicle</source>
        <translation>Vehículo</translation>
    </message>
    <message numerus="yes">
        <location filename="../pages/home.py" line="106"/>
        <source>%n assessment(s) in progress: select one and press Resume.</source>
        <translation>
            <numerusform>%n evaluación en curso: selecciónala y pulsa Reanudar.</numerusform>
            <numerusform>%n evaluaciones en curso: selecciona una y pulsa Reanudar.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../main_window.py" line="35"/>
        <location filename="../main_window.py" line="295"/>
        <source>Assessor</source>
        <translation>Assessor</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="59"/>
        <source>Offline</source>
        <translation>Sin conexión</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="60"/>
        <source>Outbox: 0</source>
        <translation>Por enviar: 0</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="209"/>
        <source>unavailable: {reason}</source>
        <translation>no disponible: {reason}</translation>
    </message>
</context>
<context>
    <name>NewAssessmentPage</name>
    <message>
        <location filename="../pages/new_assessment.py" line="46"/>
        <source>Pseudonymous id, e.g. L-017</source>
        <translation>Identificador seudónimo, p. ej. L-017</translation>
    </message>
    <message>
        <location filename="../pages/new_assessment.py" line="47"/>
        <source>Name (optional)</source>
        <translation>Nombre (opcional)</translation>
    </message>
    <message>
        <location filename="../pages/new_assessment.py" line="53"/>
        <source>17 characters</source>
        <translation>17 caracteres</translation>
    </message>
    <message>
        <location filename="../pages/new_assessment.py" line="56"/>
        <source>The candidate consents to video recording</source>
        <translation>El candidato autoriza la grabación en vídeo</translation>
    </message>
    <message>
        <location filename="../pages/new_assessment.py" line="58"/>
        <source>&amp;Start assessment</source>
        <translation>&amp;Iniciar evaluación</translation>
    </message>
    <message>
        <location filename="../pages/new_assessment.py" line="59"/>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <location filename="../pages/new_assessment.py" line="61"/>
        <location filename="../pages/new_assessment.py" line="76"/>
        <source>Candidate id</source>
        <translation>ID del candidato</translation>
    </message>
    <message>
        <location filename="../pages/new_assessment.py" line="61"/>
        <location filename="../pages/new_assessment.py" line="77"/>
        <source>Candidate name</source>
        <translation>Nombre del candidato</translation>
    </message>
    <message>
        <location filename="../pages/new_assessment.py" line="62"/>
        <location filename="../pages/new_assessment.py" line="78"/>
        <source>Assessor</source>
        <translation>Evaluador</translation>
    </message>
    <message>
        <location filename="../pages/new_assessment.py" line="62"/>
        <location filename="../pages/new_assessment.py" line="79"/>
        <source>Workshop</source>
        <translation>Taller</translation>
    </message>
    <message>
        <location filename="../pages/new_assessment.py" line="63"/>
        <location filename="../pages/new_assessment.py" line="80"/>
        <source>Checklist</source>
        <translation>Lista de verificación</translation>
    </message>
    <message>
        <location filename="../pages/new_assessment.py" line="63"/>
        <location filename="../pages/new_assessment.py" line="82"/>
        <source>Parameter set</source>
        <translation>Conjunto de parámetros</translation>
    </message>
    <message>
        <location filename="../pages/new_assessment.py" line="64"/>
        <location filename="../pages/new_assessment.py" line="83"/>
        <source>Vehicle VIN</source>
        <translation>VIN del vehículo</translation>
    </message>
    <message>
        <location filename="../pages/new_assessment.py" line="64"/>
        <location filename="../pages/new_assessment.py" line="84"/>
        <source>Working voltage</source>
        <translation>Tensión de trabajo</translation>
    </message>
    <message>
        <location filename="../pages/new_assessment.py" line="110"/>
        <source>Gateway: {gateway} · version {version} · {steps} steps
Prerequisites: {prereqs}</source>
        <translation>Nivel: {gateway} · versión {version} · {steps} pasos
Requisitos previos: {prereqs}</translation>
    </message>
    <message>
        <location filename="../pages/new_assessment.py" line="112"/>
        <source>none</source>
        <translation>ninguno</translation>
    </message>
    <message>
        <location filename="../pages/new_assessment.py" line="124"/>
        <source>candidate id</source>
        <translation>ID del candidato</translation>
    </message>
    <message>
        <location filename="../pages/new_assessment.py" line="124"/>
        <source>assessor</source>
        <translation>evaluador</translation>
    </message>
    <message>
        <location filename="../pages/new_assessment.py" line="125"/>
        <source>workshop</source>
        <translation>taller</translation>
    </message>
    <message>
        <location filename="../pages/new_assessment.py" line="129"/>
        <source>Please fill in: {fields}</source>
        <translation>Falta por rellenar: {fields}</translation>
    </message>
</context>
<context>
    <name>ProviderSettings</name>
    <message>
        <location filename="../pages/provider_settings.py" line="20"/>
        <source>Training provider</source>
        <translation>Centro de formación</translation>
    </message>
    <message>
        <location filename="../pages/provider_settings.py" line="23"/>
        <location filename="../pages/provider_settings.py" line="32"/>
        <source>Provider address</source>
        <translation>Dirección del centro</translation>
    </message>
    <message>
        <location filename="../pages/provider_settings.py" line="25"/>
        <location filename="../pages/provider_settings.py" line="33"/>
        <source>Enrollment code</source>
        <translation>Código de inscripción</translation>
    </message>
    <message>
        <location filename="../pages/provider_settings.py" line="26"/>
        <source>Enroll this workstation</source>
        <translation>Inscribir este puesto</translation>
    </message>
    <message>
        <location filename="../pages/provider_settings.py" line="27"/>
        <source>Not enrolled: sealed assessments stay on this computer.</source>
        <translation>No inscrito: las evaluaciones selladas se quedan en este ordenador.</translation>
    </message>
    <message>
        <location filename="../pages/provider_settings.py" line="30"/>
        <source>The provider gives you a one-time code for your workshop; the code decides which workshop this workstation delivers for.</source>
        <translation>El centro le da un código de un solo uso para su taller; el código decide para qué taller entrega este puesto.</translation>
    </message>
    <message>
        <location filename="../pages/provider_settings.py" line="37"/>
        <source>Assessors</source>
        <translation>Evaluadores</translation>
    </message>
    <message>
        <location filename="../pages/provider_settings.py" line="40"/>
        <source>Each assessor binds their own signing key to their record at the provider, once:
1. The provider registers you and gives you a one-time assessor code.
2. Enter your assessor id and that code here.
3. Enter your PIN: a new one (at least 4 characters) if this workstation has no key of yours yet, else the PIN you seal with.
Your key never leaves this workstation; the provider keeps only its public part. Sealing works offline afterwards.</source>
        <translation>Cada evaluador vincula su propia clave de firma a su ficha en el centro, una sola vez:
1. El centro le registra y le da un código de evaluador de un solo uso.
2. Escriba aquí su id de evaluador y ese código.
3. Escriba su PIN: uno nuevo (al menos 4 caracteres) si este puesto aún no tiene una clave suya; si no, el PIN con el que sella.
Su clave nunca sale de este puesto; el centro solo guarda su parte pública. Después, sellar funciona también sin conexión.</translation>
    </message>
    <message>
        <location filename="../pages/provider_settings.py" line="48"/>
        <location filename="../pages/provider_settings.py" line="58"/>
        <source>Assessor id</source>
        <translation>Id de evaluador</translation>
    </message>
    <message>
        <location filename="../pages/provider_settings.py" line="50"/>
        <location filename="../pages/provider_settings.py" line="59"/>
        <source>Assessor code</source>
        <translation>Código de evaluador</translation>
    </message>
    <message>
        <location filename="../pages/provider_settings.py" line="52"/>
        <source>Assessor&apos;s PIN</source>
        <translation>PIN del evaluador</translation>
    </message>
    <message>
        <location filename="../pages/provider_settings.py" line="53"/>
        <source>Bind my key</source>
        <translation>Vincular mi clave</translation>
    </message>
    <message>
        <location filename="../pages/provider_settings.py" line="55"/>
        <location filename="../pages/provider_settings.py" line="120"/>
        <source>No assessor has bound a key on this workstation.</source>
        <translation>Ningún evaluador ha vinculado una clave en este puesto.</translation>
    </message>
    <message>
        <location filename="../pages/provider_settings.py" line="56"/>
        <source>Assessors bound on this workstation</source>
        <translation>Evaluadores vinculados en este puesto</translation>
    </message>
    <message>
        <location filename="../pages/provider_settings.py" line="60"/>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <location filename="../pages/provider_settings.py" line="77"/>
        <source>Fill in the provider address and the enrollment code.</source>
        <translation>Rellene la dirección del centro y el código de inscripción.</translation>
    </message>
    <message>
        <location filename="../pages/provider_settings.py" line="80"/>
        <source>Enrolling…</source>
        <translation>Inscribiendo…</translation>
    </message>
    <message>
        <location filename="../pages/provider_settings.py" line="86"/>
        <source>Enrolled with {url} as {workshop}. Provider key: {key}</source>
        <translation>Inscrito en {url} como {workshop}. Clave del centro: {key}</translation>
    </message>
    <message>
        <location filename="../pages/provider_settings.py" line="91"/>
        <source>Not enrolled: {reason}</source>
        <translation>No inscrito: {reason}</translation>
    </message>
    <message>
        <location filename="../pages/provider_settings.py" line="98"/>
        <source>Fill in your assessor id, the assessor code and your PIN.</source>
        <translation>Rellene su id de evaluador, el código de evaluador y su PIN.</translation>
    </message>
    <message>
        <location filename="../pages/provider_settings.py" line="101"/>
        <source>Binding your key…</source>
        <translation>Vinculando su clave…</translation>
    </message>
    <message>
        <location filename="../pages/provider_settings.py" line="108"/>
        <source>Bound: {name} ({id}), {qualification}, valid through {expires}.</source>
        <translation>Vinculado: {name} ({id}), {qualification}, válida hasta el {expires}.</translation>
    </message>
    <message>
        <location filename="../pages/provider_settings.py" line="115"/>
        <source>Not bound: {reason}</source>
        <translation>No vinculado: {reason}</translation>
    </message>
    <message>
        <location filename="../pages/provider_settings.py" line="126"/>
        <source>NOT ACCEPTED: {problem}</source>
        <translation>NO ACEPTADO: {problem}</translation>
    </message>
    <message>
        <location filename="../pages/provider_settings.py" line="127"/>
        <source>accepted by the provider</source>
        <translation>aceptado por el centro</translation>
    </message>
    <message>
        <location filename="../pages/provider_settings.py" line="128"/>
        <source>{id} ({name}): {qualification} through {expires}; {state} (checked {when})</source>
        <translation>{id} ({name}): {qualification}, válida hasta el {expires}; {state} (comprobado {when})</translation>
    </message>
</context>
<context>
    <name>ReviewPage</name>
    <message>
        <location filename="../pages/review.py" line="35"/>
        <source>Missing or incomplete evidence</source>
        <translation>Evidencias que faltan o incompletas</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="37"/>
        <location filename="../pages/review.py" line="38"/>
        <source>Assessor&apos;s name</source>
        <translation>Nombre del evaluador</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="39"/>
        <source>Sign off</source>
        <translation>Firmar</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="40"/>
        <source>&amp;Finish assessment</source>
        <translation>&amp;Finalizar evaluación</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="41"/>
        <source>Back to steps (Esc)</source>
        <translation>Volver a los pasos (Esc)</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="42"/>
        <source>Home</source>
        <translation>Inicio</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="43"/>
        <source>Assessor&apos;s PIN to seal</source>
        <translation>PIN del evaluador para sellar</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="45"/>
        <source>Assessor&apos;s PIN</source>
        <translation>PIN del evaluador</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="46"/>
        <source>S&amp;eal evidence</source>
        <translation>S&amp;ellar evidencias</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="55"/>
        <source>Behavioural rubric</source>
        <translation>Rúbrica de comportamiento</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="89"/>
        <source>Outcome: {o}</source>
        <translation>Resultado: {o}</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="90"/>
        <source>Outcome so far: {o}</source>
        <translation>Resultado provisional: {o}</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="94"/>
        <source>Missing or incomplete evidence: {items}</source>
        <translation>Evidencias que faltan o incompletas: {items}</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="98"/>
        <source>All evidence the checklist asks for is recorded.</source>
        <translation>Todas las evidencias que pide la lista de verificación están registradas.</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="107"/>
        <source>not scored</source>
        <translation>sin puntuar</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="114"/>
        <source>Signed off by {n}</source>
        <translation>Firmado por {n}</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="128"/>
        <source>Sealed: {path}</source>
        <translation>Sellado: {path}</translation>
    </message>
</context>
<context>
    <name>RunPage</name>
    <message>
        <location filename="../pages/run.py" line="69"/>
        <source>Steps</source>
        <translation>Pasos</translation>
    </message>
    <message>
        <location filename="../pages/run.py" line="80"/>
        <source>Reason (needed for N/A; useful for a fail)</source>
        <translation>Motivo (obligatorio si no aplica; útil si no es apto)</translation>
    </message>
    <message>
        <location filename="../pages/run.py" line="81"/>
        <source>Reason</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <location filename="../pages/run.py" line="82"/>
        <source>Note on this step</source>
        <translation>Nota sobre este paso</translation>
    </message>
    <message>
        <location filename="../pages/run.py" line="83"/>
        <source>Note</source>
        <translation>Nota</translation>
    </message>
    <message>
        <location filename="../pages/run.py" line="84"/>
        <source>Add note</source>
        <translation>Añadir nota</translation>
    </message>
    <message>
        <location filename="../pages/run.py" line="85"/>
        <source>Start step (S)</source>
        <translation>Iniciar paso (S)</translation>
    </message>
    <message>
        <location filename="../pages/run.py" line="86"/>
        <source>Pass (Space)</source>
        <translation>Apto (Space)</translation>
    </message>
    <message>
        <location filename="../pages/run.py" line="87"/>
        <source>Fail (F)</source>
        <translation>No apto (F)</translation>
    </message>
    <message>
        <location filename="../pages/run.py" line="88"/>
        <source>N/A (N)</source>
        <translation>No aplica (N)</translation>
    </message>
    <message>
        <location filename="../pages/run.py" line="89"/>
        <source>Review (R)</source>
        <translation>Revisar (R)</translation>
    </message>
    <message>
        <location filename="../pages/run.py" line="184"/>
        <source>Risk: {risk} · evidence: {evidence}</source>
        <translation>Riesgo: {risk} · evidencias: {evidence}</translation>
    </message>
    <message>
        <location filename="../pages/run.py" line="188"/>
        <source>Pass criterion: {c}</source>
        <translation>Criterio de apto: {c}</translation>
    </message>
    <message>
        <location filename="../pages/run.py" line="214"/>
        <source>Record</source>
        <translation>Registrar</translation>
    </message>
    <message>
        <location filename="../pages/run.py" line="245"/>
        <source>in range ✔</source>
        <translation>dentro del rango ✔</translation>
    </message>
    <message>
        <location filename="../pages/run.py" line="245"/>
        <source>OUT OF RANGE ✘</source>
        <translation>FUERA DE RANGO ✘</translation>
    </message>
    <message>
        <location filename="../pages/run.py" line="259"/>
        <source>Wait over</source>
        <translation>Espera terminada</translation>
    </message>
    <message>
        <location filename="../pages/run.py" line="263"/>
        <source>{what}: {time} left</source>
        <translation>{what}: quedan {time}</translation>
    </message>
    <message>
        <location filename="../pages/run.py" line="304"/>
        <source>{label}: enter a number, e.g. 0.4 or 0.4 {unit}</source>
        <translation>{label}: introduce un número, p. ej. 0,4 o 0,4 {unit}</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <location filename="../pages/settings.py" line="54"/>
        <location filename="../pages/settings.py" line="67"/>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="59"/>
        <location filename="../pages/settings.py" line="71"/>
        <location filename="../pages/settings.py" line="161"/>
        <source>Data folder</source>
        <translation>Carpeta de datos</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="60"/>
        <source>Choose…</source>
        <translation>Elegir…</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="61"/>
        <source>&amp;Save</source>
        <translation>&amp;Guardar</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="62"/>
        <source>Back</source>
        <translation>Volver</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="65"/>
        <source>General (applies when the app is next started)</source>
        <translation>General (se aplica la próxima vez que se inicie la aplicación)</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="72"/>
        <source>Devices (apply to the next assessment opened)</source>
        <translation>Dispositivos (se aplican a la próxima evaluación abierta)</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="75"/>
        <location filename="../pages/settings.py" line="85"/>
        <source>Camera</source>
        <translation>Cámara</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="76"/>
        <source>No camera</source>
        <translation>Sin cámara</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="77"/>
        <source>Simulated camera (test pattern)</source>
        <translation>Cámara simulada (patrón de prueba)</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="79"/>
        <source>Camera {name}</source>
        <translation>Cámara {name}</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="81"/>
        <source>Find cameras</source>
        <translation>Buscar cámaras</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="87"/>
        <location filename="../pages/settings.py" line="107"/>
        <source>Vehicle adapter</source>
        <translation>Adaptador del vehículo</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="88"/>
        <source>No vehicle adapter</source>
        <translation>Sin adaptador</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="89"/>
        <source>Simulated EV (virtual CAN bus)</source>
        <translation>VE simulado (bus CAN virtual)</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="94"/>
        <source>Find adapters</source>
        <translation>Buscar adaptadores</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="99"/>
        <location filename="../pages/settings.py" line="108"/>
        <source>Bit rate</source>
        <translation>Velocidad de bits</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="103"/>
        <source>Listen only (never transmit on the bus)</source>
        <translation>Solo escucha (nunca transmite en el bus)</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="105"/>
        <source>Test connection</source>
        <translation>Probar conexión</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="116"/>
        <source>This workstation</source>
        <translation>Este puesto</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="118"/>
        <source>not created yet</source>
        <translation>aún no creada</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="120"/>
        <source>Workstation key fingerprint</source>
        <translation>Huella de la clave del puesto</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="122"/>
        <source>Signing key fingerprint</source>
        <translation>Huella de la clave de firma</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="123"/>
        <source>The training provider compares this with the key it enrolled for this workstation.</source>
        <translation>El centro de formación la compara con la clave que registró para este puesto.</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="157"/>
        <source>Looking for cameras (a few seconds)…</source>
        <translation>Buscando cámaras (unos segundos)…</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="181"/>
        <source>Looking for vehicle adapters (a few seconds)…</source>
        <translation>Buscando adaptadores (unos segundos)…</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="190"/>
        <source>{n} adapter(s) found.</source>
        <translation>Adaptadores encontrados: {n}.</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="196"/>
        <source>Choose a vehicle adapter first.</source>
        <translation>Elija primero un adaptador.</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="199"/>
        <source>Testing the connection (2 s)…</source>
        <translation>Probando la conexión (2 s)…</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="212"/>
        <source>{n} camera(s) found.</source>
        <translation>Cámaras encontradas: {n}.</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="215"/>
        <source>Saved to {path}. Restart the app to apply.</source>
        <translation>Guardado en {path}. Reinicia la aplicación para aplicar los cambios.</translation>
    </message>
</context>
<context>
    <name>VideoCoordinator</name>
    <message>
        <location filename="../video.py" line="120"/>
        <source>No assessment open</source>
        <extracomment>an unexpected error, for the window&apos;s crash handling (a signal: no reference to the window)</extracomment>
        <translation>Ninguna evaluación abierta</translation>
    </message>
    <message>
        <location filename="../video.py" line="129"/>
        <source>Assessment closed: no recording</source>
        <translation>Evaluación cerrada: sin grabación</translation>
    </message>
    <message>
        <location filename="../video.py" line="132"/>
        <source>Not recording: no consent to video</source>
        <translation>Sin grabar: no hay consentimiento de vídeo</translation>
    </message>
    <message>
        <location filename="../video.py" line="135"/>
        <source>No camera chosen (Settings)</source>
        <translation>No se ha elegido cámara (Ajustes)</translation>
    </message>
    <message>
        <location filename="../video.py" line="137"/>
        <source>Starting the camera…</source>
        <translation>Iniciando la cámara…</translation>
    </message>
    <message>
        <location filename="../video.py" line="164"/>
        <source>Camera not available</source>
        <translation>Cámara no disponible</translation>
    </message>
</context>
<context>
    <name>VideoPanel</name>
    <message>
        <location filename="../video.py" line="47"/>
        <source>Camera preview</source>
        <translation>Vista previa de la cámara</translation>
    </message>
    <message>
        <location filename="../video.py" line="49"/>
        <source>Recording status</source>
        <translation>Estado de la grabación</translation>
    </message>
    <message>
        <location filename="../video.py" line="50"/>
        <location filename="../video.py" line="102"/>
        <source>Pause recording (V)</source>
        <translation>Pausar grabación (V)</translation>
    </message>
    <message>
        <location filename="../video.py" line="83"/>
        <source> · {n} frames dropped</source>
        <translation> · {n} fotogramas perdidos</translation>
    </message>
    <message>
        <location filename="../video.py" line="86"/>
        <source>● REC {time} · {size}</source>
        <translation>● GRAB {time} · {size}</translation>
    </message>
    <message>
        <location filename="../video.py" line="89"/>
        <source>Paused at {time} · {size}</source>
        <translation>En pausa en {time} · {size}</translation>
    </message>
    <message>
        <location filename="../video.py" line="92"/>
        <source>Camera lost: waiting for it to come back</source>
        <translation>Cámara perdida: esperando a que vuelva</translation>
    </message>
    <message>
        <location filename="../video.py" line="95"/>
        <source>Recorded {time} in {n} segments · {size}</source>
        <translation>Grabado {time} en {n} segmentos · {size}</translation>
    </message>
    <message>
        <location filename="../video.py" line="101"/>
        <source>Resume recording (V)</source>
        <translation>Reanudar grabación (V)</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <location filename="../window.py" line="59"/>
        <source>Assessor is already open on this computer.</source>
        <translation>Assessor ya está abierto en este ordenador.</translation>
    </message>
</context>
<context>
    <name>labels</name>
    <message>
        <location filename="../labels.py" line="13"/>
        <source>competent</source>
        <translation>competente</translation>
    </message>
    <message>
        <location filename="../labels.py" line="14"/>
        <source>not yet competent</source>
        <translation>aún no competente</translation>
    </message>
    <message>
        <location filename="../labels.py" line="15"/>
        <source>incomplete</source>
        <translation>incompleta</translation>
    </message>
    <message>
        <location filename="../labels.py" line="16"/>
        <source>abandoned</source>
        <translation>abandonada</translation>
    </message>
    <message>
        <location filename="../labels.py" line="17"/>
        <source>in progress</source>
        <translation>en curso</translation>
    </message>
    <message>
        <location filename="../labels.py" line="18"/>
        <source>stopped</source>
        <translation>detenida</translation>
    </message>
    <message>
        <location filename="../labels.py" line="19"/>
        <source>finished</source>
        <translation>finalizada</translation>
    </message>
    <message>
        <location filename="../labels.py" line="20"/>
        <source>sealed</source>
        <translation>sellada</translation>
    </message>
    <message>
        <location filename="../labels.py" line="21"/>
        <source>synced</source>
        <translation>sincronizada</translation>
    </message>
    <message>
        <location filename="../labels.py" line="22"/>
        <source>critical</source>
        <translation>crítico</translation>
    </message>
    <message>
        <location filename="../labels.py" line="23"/>
        <source>high</source>
        <translation>alto</translation>
    </message>
    <message>
        <location filename="../labels.py" line="24"/>
        <source>standard</source>
        <translation>estándar</translation>
    </message>
    <message>
        <location filename="../labels.py" line="25"/>
        <source>foundational electrical safety</source>
        <translation>seguridad eléctrica básica</translation>
    </message>
    <message>
        <location filename="../labels.py" line="26"/>
        <source>HV maintenance (non-live)</source>
        <translation>mantenimiento AT (sin tensión)</translation>
    </message>
    <message>
        <location filename="../labels.py" line="27"/>
        <source>EV/hybrid work incl. de-energising</source>
        <translation>trabajos en VE/híbridos incl. desenergización</translation>
    </message>
    <message>
        <location filename="../labels.py" line="28"/>
        <source>live work</source>
        <translation>trabajos en tensión</translation>
    </message>
    <message>
        <location filename="../labels.py" line="29"/>
        <source>video</source>
        <translation>vídeo</translation>
    </message>
    <message>
        <location filename="../labels.py" line="30"/>
        <source>photo</source>
        <translation>foto</translation>
    </message>
    <message>
        <location filename="../labels.py" line="31"/>
        <source>measurement</source>
        <translation>medición</translation>
    </message>
    <message>
        <location filename="../labels.py" line="32"/>
        <source>CAN/OBD log</source>
        <translation>registro CAN/OBD</translation>
    </message>
    <message>
        <location filename="../labels.py" line="33"/>
        <source>observation</source>
        <translation>observación</translation>
    </message>
    <message>
        <location filename="../labels.py" line="34"/>
        <source>sign-off</source>
        <translation>firma</translation>
    </message>
</context>
</TS>
